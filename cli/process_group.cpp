#include "cli/process_group.h"

#include <boost/mpi/collectives.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>
#include <cstdlib>

namespace hwaware::cli {
namespace {

bool launched_by_mpi() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK"})
    if (std::getenv(v)) return true;
  return false;
}

}  // namespace

struct ProcessGroup::Mpi {
  boost::mpi::environment env;
  boost::mpi::communicator world;
};

ProcessGroup::ProcessGroup() {
  if (!launched_by_mpi()) return;
  mpi_ = std::make_unique<Mpi>();
  rank_ = mpi_->world.rank();
  size_ = mpi_->world.size();
}

ProcessGroup::~ProcessGroup() = default;

int ProcessGroup::agree_max(int status) {
  if (!mpi_) return status;
  return boost::mpi::all_reduce(mpi_->world, status, boost::mpi::maximum<int>());
}

}  // namespace hwaware::cli
