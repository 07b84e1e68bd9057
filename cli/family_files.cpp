#include "cli/family_files.h"

#include <fmt/format.h>
#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/csv_writer.h"
#include "core/diagnostics.h"
#include "core/output_file.h"
#include "workloads/workload_writer.h"

namespace hwaware::cli {

void write_family_workload(const std::string& dir, const std::string& stem, const std::string& comment, const workload::Network& net) {
  const auto path = (std::filesystem::path(dir) / (stem + ".yaml")).string();
  core::OutputFile file(path);
  workload::write_workload(file.out(), net, comment);
  file.publish();
}

void write_member_workload(const std::string& dir, const search::FamilyMember& m, const workload::Network& net) {
  std::string comment = fmt::format("NetAdapt family member {} (weights: member_{}.weights): holdout accuracy {:.4f}, test accuracy {:.4f}",
                                    m.iteration, m.iteration, m.holdout, m.test);
  if (m.group >= 0) comment += fmt::format("\nThis iteration narrowed width group {} to {} channels.", m.group, m.width);
  write_family_workload(dir, fmt::format("member_{}", m.iteration), comment, net);
}

void write_family_csv(const std::string& dir, const std::vector<FamilyRow>& rows, search::CostOracle& oracle,
                      const std::string& energy_column) {
  const auto path = (std::filesystem::path(dir) / "family.csv").string();
  std::vector<std::string> header{"iteration", "narrowed",    "width", "holdout_accuracy", "test_accuracy",
                                  "latency_s", energy_column, "macs",  "weights"};
  const auto& first = rows.front().net;
  for (const auto& l : first.layers)
    if (l.is_mac_layer) header.push_back("width:" + l.name);
  std::vector<std::vector<std::string>> table;
  for (const auto& r : rows) {
    const auto m = oracle.metrics(r.net);
    std::vector<std::string> cells{r.iteration,
                                   r.narrowed,
                                   r.width ? std::to_string(r.width) : "",
                                   r.holdout < 0 ? "" : core::format_number(r.holdout),
                                   core::format_number(r.test),
                                   core::format_number(m.latency_s),
                                   core::format_number(m.energy_pj),
                                   std::to_string(r.net.macs()),
                                   std::to_string(search::weight_count(r.net))};
    for (const auto& f : first.layers) {  // a layer NetAdapt V2 bypassed has no width: an empty cell
      if (!f.is_mac_layer) continue;
      const auto it = std::find_if(r.net.layers.begin(), r.net.layers.end(), [&](const auto& l) { return l.name == f.name; });
      cells.push_back(it == r.net.layers.end() ? "" : std::to_string(it->output_channels()));
    }
    table.push_back(std::move(cells));
  }
  core::write_csv_file(path, header, table);
}

}  // namespace hwaware::cli
