// Registers the docker envelope parsers. Plain `docker logs` output has no envelope (it is
// the container's own text), so no parser is registered for it.

#include "docker/docker_parsers.hpp"
#include "logdx/parsers/parser_registry.hpp"

namespace logdx {

void register_docker_parsers(ParserRegistry& registry) {
  docker::add_events_parser(registry);
  docker::add_ps_parser(registry);
  docker::add_compose_parser(registry);
  docker::add_json_file_parser(registry);
  docker::add_timestamps_parser(registry);
}

}  // namespace logdx
