#pragma once
// Accesses of one tensor at one loop, per multicast factor: a handful of (factor, count) pairs
// kept sorted by factor, stored inline (a std::map allocated for every loop and tensor made the
// nest analysis spend a third of its time in malloc). Spills to the heap past 8 factors.

#include <algorithm>
#include <array>
#include <vector>

namespace hwaware::model {

class AccessStats {
 public:
  // A multicast factor and its accesses. No default member initializers: the inline storage
  // is not zeroed when an AccessStats is made (the nest analysis makes many).
  struct Entry {
    long long first;
    double second;
  };

  double& operator[](long long factor) {
    Entry* b = begin();
    Entry* e = end();
    Entry* it = std::lower_bound(b, e, factor, [](const Entry& x, long long f) { return x.first < f; });
    if (it != e && it->first == factor) return it->second;
    const auto pos = static_cast<std::size_t>(it - b);
    if (!heap_.empty() || size_ == inline_.size()) {
      if (heap_.empty()) heap_.assign(inline_.begin(), inline_.begin() + static_cast<long>(size_));
      heap_.insert(heap_.begin() + static_cast<long>(pos), Entry{factor, 0.0});
      size_ = heap_.size();
      return heap_[pos].second;
    }
    for (std::size_t i = size_; i > pos; --i) inline_[i] = inline_[i - 1];
    inline_[pos] = Entry{factor, 0.0};
    ++size_;
    return inline_[pos].second;
  }

  // Adds accesses at a factor (the interface the nest geometry fills, shared with the search
  // evaluator's fixed-size histogram); any number of factors fits.
  void add(long long factor, double accesses) { (*this)[factor] += accesses; }
  static constexpr std::size_t max_size() { return static_cast<std::size_t>(-1); }

  Entry* begin() { return heap_.empty() ? inline_.data() : heap_.data(); }
  Entry* end() { return begin() + size_; }
  const Entry* begin() const { return heap_.empty() ? inline_.data() : heap_.data(); }
  const Entry* end() const { return begin() + size_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void clear() {
    size_ = 0;
    heap_.clear();
  }

 private:
  std::array<Entry, 8> inline_;  // only the first size_ entries are meaningful
  std::vector<Entry> heap_;
  std::size_t size_ = 0;
};

}  // namespace hwaware::model
