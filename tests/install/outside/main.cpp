// Evaluates a workload on an accelerator through an installed hwaware and prints the totals as
// summary.csv's last row has them: outside ARCH WORKLOAD MAPPING.
#include <iostream>

#include "models/accelerator.h"
#include "models/evaluation_tables.h"
#include "models/network_evaluation.h"
#include "workloads/workload_loader.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: outside ARCH WORKLOAD MAPPING\n";
    return 2;
  }
  using namespace hwaware;
  const auto accelerator = model::load_accelerator(argv[1]);
  const auto network = workload::load_workload(argv[2]);
  model::EvaluationOptions options;
  options.mapping_file = argv[3];
  const auto table = model::summary_table(accelerator, model::evaluate_network(accelerator, network, options));
  for (const auto& cell : table.rows.back()) std::cout << model::cell_text(cell) << ",";
  std::cout << "\n";
  return 0;
}
