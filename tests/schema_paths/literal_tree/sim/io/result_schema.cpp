// Fixture: the schema table itself may spell paths.
const char* const kRoot = "/paths/investor/";
