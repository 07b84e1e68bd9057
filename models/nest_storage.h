#pragma once
// Two ways to hold the arrays of a nest analysis, so that one templated builder serves both of its
// users: growing vectors for the analytical model (any nest, any problem) and fixed arrays for
// the search evaluator (kept per thread: nothing allocated, zeroed or destroyed per mapping; the
// evaluator checks the limits before it uses them).

#include <array>
#include <cstddef>
#include <vector>

namespace hwaware::model {

// std::vector's interface on a fixed array. resize() leaves the elements as they were (not
// value-initialized): callers write what they read. No bounds checks.
template <typename T, std::size_t N>
class FixedList {
 public:
  FixedList() {}  // user-provided: value-initialization does not zero the elements
  std::size_t size() const { return size_; }
  void clear() { size_ = 0; }
  void resize(std::size_t n) { size_ = n; }
  void assign(std::size_t n, const T& v) {
    size_ = n;
    for (std::size_t i = 0; i < n; ++i) item_[i] = v;
  }
  void push_back(const T& v) { item_[size_++] = v; }
  T& back() { return item_[size_ - 1]; }
  T& operator[](std::size_t i) { return item_[i]; }
  const T& operator[](std::size_t i) const { return item_[i]; }
  T* data() { return item_; }
  const T* data() const { return item_; }

 private:
  T item_[N];
  std::size_t size_ = 0;
};

// A table of Rows x Cols on a fixed array; resize() only states the part used.
template <typename T, std::size_t Rows, std::size_t Cols>
class FixedGrid {
 public:
  FixedGrid() {}
  void resize(std::size_t /*rows*/, std::size_t /*cols*/) {}
  void assign(std::size_t rows, std::size_t cols, const T& v) {
    for (std::size_t r = 0; r < rows; ++r)
      for (std::size_t c = 0; c < cols; ++c) cell_[r][c] = v;
  }
  T& operator()(std::size_t r, std::size_t c) { return cell_[r][c]; }
  const T& operator()(std::size_t r, std::size_t c) const { return cell_[r][c]; }
  T* row(std::size_t r) { return cell_[r]; }
  const T* row(std::size_t r) const { return cell_[r]; }

 private:
  T cell_[Rows][Cols];
};

// The same table on a vector that grows to any size.
template <typename T>
class VectorGrid {
 public:
  void resize(std::size_t rows, std::size_t cols) {
    cols_ = cols;
    cell_.resize(rows * cols);
  }
  void assign(std::size_t rows, std::size_t cols, const T& v) {
    cols_ = cols;
    cell_.assign(rows * cols, v);
  }
  T& operator()(std::size_t r, std::size_t c) { return cell_[r * cols_ + c]; }
  const T& operator()(std::size_t r, std::size_t c) const { return cell_[r * cols_ + c]; }
  T* row(std::size_t r) { return cell_.data() + r * cols_; }
  const T* row(std::size_t r) const { return cell_.data() + r * cols_; }

 private:
  std::vector<T> cell_;
  std::size_t cols_ = 0;
};

// Storage that grows: the analytical model's.
struct GrowingStorage {
  template <typename T>
  using PerLoop = std::vector<T>;
  template <typename T>
  using PerLevel = std::vector<T>;
  template <typename T>
  using PerDim = std::vector<T>;
  template <typename T>
  using PerTensor = std::vector<T>;
  template <typename T>
  using PerTensorLevel = VectorGrid<T>;
  template <typename T>
  using PerTensorLoop = VectorGrid<T>;
  template <typename T>
  using PerDimTensor = VectorGrid<T>;
  template <typename T>
  using PerDimRank = VectorGrid<T>;  // per dimension, one entry per (tensor, rank)
};

// Storage of fixed size: the search evaluator's, for at most these tensors, problem dimensions,
// storage levels and loops (ranks per tensor: kMaxRanks, nest_formulas.h).
template <std::size_t Tensors, std::size_t Dims, std::size_t Levels, std::size_t Loops, std::size_t Ranks>
struct FixedStorage {
  static constexpr std::size_t kMaxTensors = Tensors, kMaxDims = Dims, kMaxLevels = Levels, kMaxLoops = Loops;
  template <typename T>
  using PerLoop = FixedList<T, Loops>;
  template <typename T>
  using PerLevel = FixedList<T, Levels>;
  template <typename T>
  using PerDim = FixedList<T, Dims>;
  template <typename T>
  using PerTensor = FixedList<T, Tensors>;
  template <typename T>
  using PerTensorLevel = FixedGrid<T, Tensors, Levels>;
  template <typename T>
  using PerTensorLoop = FixedGrid<T, Tensors, Loops>;
  template <typename T>
  using PerDimTensor = FixedGrid<T, Dims, Tensors>;
  template <typename T>
  using PerDimRank = FixedGrid<T, Dims, Tensors * Ranks>;
};

}  // namespace hwaware::model
