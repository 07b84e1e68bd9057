#include "core/diagnostics.h"

#include <cstdlib>
#include <iostream>

namespace hwaware::core {

SourceLoc FieldLocs::of(const std::string& field, const SourceLoc& fallback) const {
  auto it = locs_.find(field);
  return it == locs_.end() ? fallback : it->second;
}

std::string format(const Diagnostic& d) {
  std::string out = d.loc.file.empty() ? std::string("<input>") : d.loc.file;
  if (d.loc.line > 0) {
    out += ":" + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column);
  }
  out += ": error: ";
  if (!d.key_path.empty()) out += d.key_path + ": ";
  out += d.message;
  if (!d.hint.empty()) out += " (" + d.hint + ")";
  return out;
}

void DiagnosticSink::error(const SourceLoc& loc, std::string key_path, std::string message, std::string hint) {
  diagnostics_.push_back({loc, std::move(key_path), std::move(message), std::move(hint)});
}

void DiagnosticSink::throw_if_any() const {
  if (!diagnostics_.empty()) throw InputError(diagnostics_);
}

static std::string join_messages(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const auto& d : ds) {
    if (!out.empty()) out += "\n";
    out += format(d);
  }
  return out;
}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join_messages(diagnostics)), diagnostics_(std::move(diagnostics)) {}

InputError::InputError(const SourceLoc& loc, const std::string& key_path, const std::string& message)
    : InputError(std::vector<Diagnostic>{{loc, key_path, message, {}}}) {}

void panic(const std::string& message) {
  std::cerr << "hwaware: internal error (a bug, please report it): " << message << std::endl;
  std::abort();
}

}  // namespace hwaware::core
