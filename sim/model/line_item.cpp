#include "sim/model/flows.hpp"

namespace sisim::model {

const char* to_string(LineItem item) {
  switch (item) {
    case LineItem::benefit:
      return "benefit";
    case LineItem::refusion:
      return "refusion";
    case LineItem::municipal_tax:
      return "municipal_tax";
    case LineItem::equalisation:
      return "equalisation";
    case LineItem::state_tax:
      return "state_tax";
    case LineItem::result_grant:
      return "result_grant";
    case LineItem::outcome_payments:
      return "outcome_payments";
    case LineItem::guarantee:
      return "guarantee";
  }
  return "unknown";
}

}  // namespace sisim::model
