// extends: deep merge of maps (child wins), lists replaced wholesale, relative paths, errors
// located in the file that contains them. Expected values are the numbers in the test files.
#include <gtest/gtest.h>

#include "config_test_util.hpp"

namespace sisim::config {
namespace {

TEST(Extends, ChildMergesOverParent) {
  LoadResult r = load_config(test::data_dir() + "/good/child.yaml");
  ASSERT_TRUE(r.ok()) << test::errors_of(r);
  const Config& c = *r.config;
  EXPECT_EQ(c.name, "base");                // only in the parent
  EXPECT_EQ(c.cohort.size, 300);            // child wins
  EXPECT_EQ(c.cohort.enrolment_months, 6);  // sibling key of the parent survives the merge
  ASSERT_EQ(c.cohort.segments.size(), 1u);  // the list is replaced, not merged
  EXPECT_EQ(c.cohort.segments[0].name, "only");
  EXPECT_EQ(c.cohort.segments[0].benefit_monthly.dist.value, 13000.0);
  EXPECT_EQ(c.public_.tax.municipal_rate.dist.value, 0.26);       // from the parent's tax map
  EXPECT_EQ(c.public_.tax.state_bottom_rate.dist.value, 0.11);    // from the child's tax map
  EXPECT_EQ(c.public_.tax.municipal_retention.dist.value, 0.25);  // default
  ASSERT_EQ(c.public_.other_flows.size(), 1u);
  EXPECT_EQ(c.intervention.effect.hazard_ratio.dist.value, 1.5);
  // The resolved document has no `extends` left and carries the merged values.
  EXPECT_EQ(c.resolved_yaml.find("extends"), std::string::npos);
  EXPECT_NE(c.resolved_yaml.find("size: 300"), std::string::npos);
}

TEST(Extends, TwoLevelsWithRelativePath) {
  LoadResult r = load_config(test::data_dir() + "/good/sub/grandchild.yaml");
  ASSERT_TRUE(r.ok()) << test::errors_of(r);
  EXPECT_EQ(r.config->name, "grandchild");
  EXPECT_EQ(r.config->cohort.size, 300);
  EXPECT_EQ(r.config->cohort.enrolment_months, 6);
  EXPECT_EQ(r.config->intervention.effect.hazard_ratio.dist.value, 2.5);
  EXPECT_EQ(r.config->intervention.duration_months, 12);
}

TEST(Extends, ErrorsAreLocatedInTheirOwnFile) {
  const std::string dir = test::data_dir() + "/good/";
  // Line 2 of the child and line 10 of the parent are both wrong.
  LoadResult r =
      load_config_from_string("extends: ../bad/hazard_range.yaml\ncohort: {size: 0}\n", dir + "virtual.yaml");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errors.size(), 2u) << test::errors_of(r);
  EXPECT_EQ(format_errors(r.errors),
            test::data_dir() +
                "/bad/hazard_range.yaml:10:27: error: cohort.segments.a.job_finding_hazard: must be in "
                "[0, 1], got 1.5\n" +
                dir + "virtual.yaml:2:16: error: cohort.size: must be >= 1, got 0\n");
}

TEST(Extends, ExtendsMustNameAFile) {
  LoadResult r = load_config_from_string("extends: [a, b]\n", "x.yaml");
  EXPECT_NE(format_errors(r.errors).find("x.yaml:1:10: error: extends: expected a file name, got a list\n"),
            std::string::npos)
      << test::errors_of(r);
}

TEST(DeepMerge, MapsMergeListsAndScalarsReplace) {
  // Checked through the public API: the parent's list of two ladder steps is replaced by one.
  const std::string dir = test::data_dir() + "/good/";
  LoadResult r = load_config_from_string(
      "extends: child.yaml\npublic:\n  refusion:\n    ladder: [{from_week: 0, rate: 0.5}]\n", dir + "v.yaml");
  ASSERT_TRUE(r.ok()) << test::errors_of(r);
  ASSERT_EQ(r.config->public_.refusion.ladder.size(), 1u);
  EXPECT_EQ(r.config->public_.refusion.ladder[0].rate, 0.5);
  EXPECT_EQ(r.config->public_.tax.state_bottom_rate.dist.value, 0.11);
}

}  // namespace
}  // namespace sisim::config
