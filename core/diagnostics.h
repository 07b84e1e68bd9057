#pragma once
// Diagnostics: user-facing errors with file:line:col, the key path, what was expected and what
// was found. Errors are collected, not thrown one by one, so a file reports all its mistakes.

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace hwaware::core {

// A place in an input file; line and column are 1-based, 0 means unknown.
struct SourceLoc {
  std::string file;
  int line = 0;
  int column = 0;
};

// Where each field of a typed description was written, so that checks made after reading (one
// validation for every format) point at the line of the value, not only at its object.
class FieldLocs {
 public:
  void set(const std::string& field, const SourceLoc& loc) { locs_[field] = loc; }
  // The field's location, else `fallback` (the object's).
  SourceLoc of(const std::string& field, const SourceLoc& fallback) const;

 private:
  std::map<std::string, SourceLoc> locs_;
};

struct Diagnostic {
  SourceLoc loc;
  std::string key_path;  // e.g. "architecture.levels[2].depth"
  std::string message;   // "expected ..., found ..."
  std::string hint;      // optional "did you mean ...?"
};

// Formats one diagnostic compiler-style: "file:line:col: error: path: message (hint)".
std::string format(const Diagnostic& d);

// Collects every error found while reading one or more inputs.
class DiagnosticSink {
 public:
  void error(const SourceLoc& loc, std::string key_path, std::string message, std::string hint = {});
  bool empty() const { return diagnostics_.empty(); }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  // Throws InputError carrying everything collected so far, if anything was collected.
  void throw_if_any() const;

 private:
  std::vector<Diagnostic> diagnostics_;
};

// Bad user input: carries every diagnostic. The CLI prints them and exits with status 2.
class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<Diagnostic> diagnostics);
  InputError(const SourceLoc& loc, const std::string& key_path, const std::string& message);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

// Internal bug (never the user's fault): aborts with a message.
[[noreturn]] void panic(const std::string& message);

}  // namespace hwaware::core
