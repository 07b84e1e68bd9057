#pragma once
// The processes an exploration runs on. Started by an MPI launcher (`mpirun -np N hwaware explore
// ...`: OpenMPI sets OMPI_COMM_WORLD_SIZE, other launchers PMI_SIZE or PMIX_RANK), it is MPI's world
// through Boost.MPI; started alone, it is this process, and MPI is never initialised (no launcher
// needed).

#include <memory>

namespace hwaware::cli {

class ProcessGroup {
 public:
  ProcessGroup();
  ~ProcessGroup();
  ProcessGroup(const ProcessGroup&) = delete;
  ProcessGroup& operator=(const ProcessGroup&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }
  // Waits for every process, then returns the largest `status` any of them gave.
  int agree_max(int status);

 private:
  struct Mpi;
  std::unique_ptr<Mpi> mpi_;  // null when not launched by MPI
  int rank_ = 0, size_ = 1;
};

}  // namespace hwaware::cli
