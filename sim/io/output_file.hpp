#pragma once
// The one rule for every file sisim writes (result files, reports, merged sweeps): an output is
// only ever created or replaced as a regular file, through a hidden temporary file in the same
// folder that is fsynced and renamed over the final name. Anything else at the output path (a
// folder, a device such as /dev/null, a FIFO, a socket, a symbolic link) is refused, with or
// without --force: replacing it would turn a device or a link into a plain file.
//
// check_output_path() states the rule up front, before a run spends an hour simulating: it also
// creates (and removes) a probe file under the very name the writer will use, so a read-only
// folder, a full inode table or a name too long for the file system fails before the run.
#include <string>
#include <string_view>
#include <vector>

#include "sim/io/io_error.hpp"

namespace sisim::io {

// Throws IoError naming `path` and the reason if a regular file cannot be created at `path` (or,
// with `force`, replace the one there).
void check_output_path(const std::string& path, bool force);

// A unique hidden name beside `target` (".<name>.tmp-<pid>-<n>"): never a user's file, never
// shared by two writers or two processes.
std::string temporary_name_for(const std::string& target);

// Removes ".<name>.tmp-<pid>-<n>" files beside `target` left by sisim processes that no longer run
// (killed by SIGKILL or a node failure). Best effort: errors are ignored.
void remove_stale_temporaries(const std::string& target);

// True if `a` and `b` name the same file: the same inode when both exist, else the same absolute
// normalised path (symbolic links resolved as far as they exist).
bool same_file(const std::string& a, const std::string& b);

// Writes `content` to `path` atomically (temporary file, fsync, rename, folder fsync) after
// check_output_path. Throws IoError; on failure nothing is left behind and an existing file at
// `path` is untouched.
void write_file_atomically(const std::string& path, bool force, std::string_view content);

namespace detail {
// Writes all of `data` to `fd` (retrying short writes and EINTR); throws IoError("<what>: reason").
void write_all(int fd, const char* data, std::size_t size, const std::string& what);
// fsync of a file or a folder by path; throws IoError.
void fsync_path(const std::string& path, bool directory);
// The folder of `file` ("." for a bare name).
std::string folder_of(const std::string& file);
}  // namespace detail

}  // namespace sisim::io
