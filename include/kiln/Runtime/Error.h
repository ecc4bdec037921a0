//===- Error.h - The runtime's error type -----------------------*- C++ -*-===//
//
// The runtime reports every failure (a corrupt engine file, a wrong input
// shape, a kernel precondition) by throwing kiln::Error with a message meant
// for a person: what was expected, what was found, and where.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_ERROR_H
#define KILN_RUNTIME_ERROR_H

#include <sstream>
#include <stdexcept>
#include <string>

namespace kiln {

class Error : public std::runtime_error {
public:
  explicit Error(const std::string &message) : std::runtime_error(message) {}
};

namespace detail {
inline void appendAll(std::ostringstream &) {}
template <typename T, typename... Rest>
void appendAll(std::ostringstream &os, const T &first, const Rest &...rest) {
  os << first;
  appendAll(os, rest...);
}
} // namespace detail

/// Throws kiln::Error with the concatenation of `parts`.
template <typename... Parts>
[[noreturn]] void fail(const Parts &...parts) {
  std::ostringstream os;
  detail::appendAll(os, parts...);
  throw Error(os.str());
}

} // namespace kiln

#endif // KILN_RUNTIME_ERROR_H
