#pragma once
// The `created` root attribute of result files: UTC ISO-8601. SOURCE_DATE_EPOCH (the
// reproducible-builds convention) overrides the clock so that two identical runs can give
// byte-identical files.
#include <cstdint>
#include <string>

namespace sisim::io {

// "YYYY-MM-DDThh:mm:ssZ" for seconds since 1970-01-01T00:00:00Z (proleptic Gregorian, UTC).
std::string utc_iso8601(std::int64_t epoch_seconds);

// utc_iso8601 of SOURCE_DATE_EPOCH when that environment variable is set (it must be a
// non-negative integer number of seconds, else IoError), otherwise of the current time.
std::string creation_timestamp();

}  // namespace sisim::io
