// TorchModel's weights saved and loaded as a state dictionary of "<layer>.<tensor>" (what
// PyTorch's torch.load reads), checked against the network on loading.

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

#include "core/diagnostics.h"
#include "core/output_file.h"
#include "search/torch_model_impl.h"

namespace hwaware::search {
void TorchModel::save(const std::string& path) const {
  c10::Dict<std::string, torch::Tensor> dict;
  for (auto& [key, tensor] : impl_->net->state()) dict.insert(key, tensor.detach().clone());
  const std::vector<char> bytes = torch::pickle_save(dict);
  core::OutputFile file(path, true);
  file.out().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.publish();
}

void TorchModel::load(const std::string& path) {
  const core::SourceLoc at{path, 0, 0};
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw core::InputError(at, "", "expected a weights file (written by `hwaware train` or `hwaware adapt`), found no readable file");
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::map<std::string, torch::Tensor> found;
  try {
    const auto value = torch::pickle_load(bytes);
    for (const auto& e : value.toGenericDict()) found[e.key().toStringRef()] = e.value().toTensor();
  } catch (const c10::Error&) {
    throw core::InputError(
        at, "", "expected a weights file (a dictionary of tensors written by `hwaware train` or `hwaware adapt`), found something else");
  }
  core::DiagnosticSink errors;
  auto state = impl_->net->state();
  for (auto& [key, tensor] : state) {
    const auto layer = key.substr(0, key.find('.'));
    const auto it = found.find(key);
    if (it == found.end())
      errors.error(at, key, "the network's layer '" + layer + "' needs " + shape_text(tensor) + ", the weights file has none");
    else if (!it->second.sizes().equals(tensor.sizes()))
      errors.error(
          at, key,
          "the network's layer '" + layer + "' needs " + shape_text(tensor) + ", the weights file holds " + shape_text(it->second));
  }
  for (const auto& [key, tensor] : found) {
    if (std::none_of(state.begin(), state.end(), [&](const auto& s) { return s.first == key; }))
      errors.error(at, key, "the weights file holds " + shape_text(tensor) + " for a tensor the network does not have");
  }
  errors.throw_if_any();
  torch::NoGradGuard no_grad;
  for (auto& [key, tensor] : state) tensor.copy_(found.at(key));
}

}  // namespace hwaware::search
