#include "search/family_checkpoint.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/diagnostics.h"
#include "core/output_file.h"

namespace hwaware::search {

namespace {

constexpr const char* kCheckpointHeader = "hwaware netadapt checkpoint v1";

std::string checkpoint_file(const std::string& dir) { return (std::filesystem::path(dir) / "checkpoint.txt").string(); }

}  // namespace

void write_family_checkpoint(const std::string& dir, const std::string& run_key, const std::vector<FamilyMember>& family) {
  const std::string path = checkpoint_file(dir);
  core::OutputFile file(path);
  {
    std::ostream& out = file.out();
    out.precision(17);
    out << kCheckpointHeader << "\n"
        << "run " << run_key << "\n";
    for (const auto& f : family) {
      out << f.iteration << " " << f.group << " " << f.width << " " << f.holdout << " " << f.test << " " << f.macs << " " << f.weights
          << " " << f.resources.size();
      for (double r : f.resources) out << " " << r;
      out << " " << f.widths.size();
      for (long long w : f.widths) out << " " << w;
      out << "\n";
    }
  }
  file.publish();
}

std::vector<FamilyMember> read_family_checkpoint(const std::string& dir, const std::string& run_key) {
  std::vector<FamilyMember> family;
  const std::string path = checkpoint_file(dir);
  std::ifstream in(path);
  if (!in) return family;
  std::string line;
  if (!std::getline(in, line) || line != kCheckpointHeader)
    throw core::InputError(core::SourceLoc{path, 1, 1}, "", std::string("expected a NetAdapt checkpoint ('") + kCheckpointHeader + "')");
  if (!std::getline(in, line) || line != "run " + run_key)
    throw core::InputError(core::SourceLoc{path, 2, 1}, "",
                           "the checkpoint belongs to another run ('" + line + "', this run is 'run " + run_key +
                               "'): choose another output directory or remove it");
  int number = 2;
  while (std::getline(in, line)) {
    ++number;
    std::istringstream f(line);
    FamilyMember m;
    std::size_t nr = 0, nw = 0;
    bool ok = static_cast<bool>(f >> m.iteration >> m.group >> m.width >> m.holdout >> m.test >> m.macs >> m.weights >> nr);
    m.resources.resize(nr);
    for (auto& r : m.resources) ok = ok && static_cast<bool>(f >> r);
    ok = ok && static_cast<bool>(f >> nw);
    m.widths.resize(nw);
    for (auto& w : m.widths) ok = ok && static_cast<bool>(f >> w);
    if (!ok) throw core::InputError(core::SourceLoc{path, number, 1}, "", "expected a family member, found '" + line + "'");
    family.push_back(m);
  }
  return family;
}

void record_member(FamilyMember m, const workload::Network& net, const NetAdaptOptions& o, std::vector<FamilyMember>& family,
                   const std::function<double()>& test, const std::function<void(const std::string& path)>& save) {
  m.test = test();
  if (!o.checkpoint_dir.empty()) save(member_weights_path(o.checkpoint_dir, m.iteration));
  if (o.on_member) o.on_member(m, net);
  family.push_back(std::move(m));
  if (!o.checkpoint_dir.empty()) write_family_checkpoint(o.checkpoint_dir, o.run_key, family);
}

}  // namespace hwaware::search
