// Pins the tool blocks read as one record (parsers/src/core/tool_blocks.hpp): npm's error block
// and `kubectl describe pod`'s container and Events sections, through the joiner alone and
// through the whole reading phase as people paste them (a Markdown fence, a "> " quote, a
// block cut mid-way, enveloped lines of a platform log).

#include <catch2/catch.hpp>

#include "core/tool_blocks.hpp"
#include "logdx/parsers/record_joiner.hpp"
#include "logdx/parsers/text_events.hpp"

using namespace logdx;

namespace {

std::vector<Event> join_bare(std::initializer_list<const char*> lines) {
  std::vector<Event> out;
  RecordJoiner joiner([&out](Event&& e) { out.push_back(std::move(e)); });
  std::uint64_t n = 0;
  for (const char* l : lines) {
    Event e;
    e.message = l;
    e.raw = l;
    e.where.line = ++n;
    joiner.push(std::move(e), true);
  }
  joiner.flush();
  return out;
}

std::vector<Event> read(std::string_view text) {
  static const ParserRegistry registry = ParserRegistry::builtin();
  return read_text_events(registry, text, "paste");
}

bool holds(const Event& e, std::string_view text) {
  return e.message.find(text) != std::string::npos;
}

// npm 6.14.18 `npm start` in a folder without package.json (lib/utils/error-handler.js prints
// code, syscall, path, errno; error-message.js the enoent lines).
constexpr std::string_view kNpm6Enoent =
    "npm ERR! code ENOENT\n"
    "npm ERR! syscall open\n"
    "npm ERR! path /home/me/project/package.json\n"
    "npm ERR! errno -2\n"
    "npm ERR! enoent ENOENT: no such file or directory, open '/home/me/project/package.json'\n"
    "npm ERR! enoent This is related to npm not being able to find a file.\n"
    "npm ERR! enoent \n";

}  // namespace

TEST_CASE("npm's prefix is read in both spellings and nowhere else", "[joiner][tool-block]") {
  CHECK(tool_block::npm_prefix("npm ERR! code ENOENT") == "npm ERR!");
  CHECK(tool_block::npm_prefix("npm ERR!") == "npm ERR!");
  CHECK(tool_block::npm_prefix("npm error code E404") == "npm error");
  CHECK(tool_block::npm_prefix("npm WARN deprecated x@1") == "");
  CHECK(tool_block::npm_prefix("npm errors are annoying") == "");
  CHECK(tool_block::npm_prefix("the npm ERR! code ENOENT") == "");
}

TEST_CASE("npm's error block is one record: its code with its syscall and path",
          "[joiner][tool-block]") {
  const auto events =
      join_bare({"npm ERR! code ENOENT", "npm ERR! syscall open",
                 "npm ERR! path /srv/app/package.json", "npm ERR! errno -2", "after the block"});
  REQUIRE(events.size() == 2);
  CHECK(events[0].where.line_count == 4);
  CHECK(events[0].message ==
        "npm ERR! code ENOENT\nnpm ERR! syscall open\nnpm ERR! path /srv/app/package.json\n"
        "npm ERR! errno -2");
  CHECK(events[1].message == "after the block");
}

TEST_CASE("npm 10's 'npm error' block joins only its own prefix", "[joiner][tool-block]") {
  const auto events = join_bare({"npm error code E404", "npm error 404 Not Found - GET x",
                                 "npm ERR! code E404", "npm WARN config production"});
  REQUIRE(events.size() == 3);
  CHECK(events[0].where.line_count == 2);
  CHECK(events[1].message == "npm ERR! code E404");
}

TEST_CASE("npm's block under a Node crash report is a record of its own", "[joiner][tool-block]") {
  // node 12 prints no "Node.js vX" line: the crash report would run on into npm's block
  const auto events = join_bare({"/srv/app/index.js:3", "const x = require('./config.json');",
                                 "          ^", "", "Error: Cannot find module './config.json'",
                                 "    at Object.<anonymous> (/srv/app/index.js:3:11)",
                                 "npm ERR! code ELIFECYCLE", "npm ERR! errno 1"});
  REQUIRE(events.size() == 2);
  CHECK(holds(events[0], "Cannot find module"));
  CHECK(events[1].message == "npm ERR! code ELIFECYCLE\nnpm ERR! errno 1");
}

TEST_CASE("npm's block keeps its script line whole: the command span is no quote of its own",
          "[joiner][tool-block]") {
  const auto events = read(
      "npm ERR! code ELIFECYCLE\nnpm ERR! errno 1\nnpm ERR! cf@1.0.0 start: `node index.js`\n"
      "npm ERR! Exit status 1\nnpm ERR! \nnpm ERR! Failed at the cf@1.0.0 start script.\n");
  REQUIRE(events.size() == 1);
  CHECK(events[0].where.line_count == 6);
  CHECK(holds(events[0], "Failed at the cf@1.0.0 start script."));
}

TEST_CASE("npm's block is one record in a Markdown fence, in a quote and cut mid-way",
          "[joiner][tool-block]") {
  SECTION("fenced") {
    const auto events = read("I get this:\n\n```\n" + std::string(kNpm6Enoent) + "```\n");
    REQUIRE(events.size() == 2);
    CHECK(events[1].where.line_count >= 6);
    CHECK(holds(events[1], "npm ERR! path /home/me/project/package.json"));
  }
  SECTION("quoted") {
    const auto events =
        read("> npm ERR! code ENOENT\n> npm ERR! syscall open\n> npm ERR! path /x/package.json\n");
    REQUIRE(events.size() == 1);
    CHECK(events[0].message ==
          "npm ERR! code ENOENT\nnpm ERR! syscall open\nnpm ERR! path /x/package.json");
  }
  SECTION("cut after its syscall line") {
    const auto events = read("npm ERR! code ENOENT\nnpm ERR! syscall ope");
    REQUIRE(events.size() == 1);
    CHECK(events[0].where.line_count == 2);
  }
}

TEST_CASE("npm's block in a journal joins through the envelope, one pid only",
          "[joiner][tool-block]") {
  const auto events = read(
      "Mar 05 08:20:25 gw npm[2301]: npm ERR! code ELIFECYCLE\n"
      "Mar 05 08:20:25 gw npm[2301]: npm ERR! errno 1\n"
      "Mar 05 08:20:25 gw npm[2301]: npm ERR! cf@1.0.0 start: `node index.js`\n"
      "Mar 05 08:20:25 gw npm[2417]: npm ERR! code ELIFECYCLE\n");
  REQUIRE(events.size() == 2);
  CHECK(events[0].where.line_count == 3);
  CHECK(holds(events[0], "npm ERR! errno 1"));
  CHECK(events[1].pid == 2417);
}

namespace {

// kubectl 1.2x describe pod (describe.go describePod: the container section, then Conditions,
// QoS Class, Tolerations and printEvents' table), a liveness probe killing the container.
constexpr std::string_view kDescribe =
    "Containers:\n"
    "  api:\n"
    "    Container ID:   containerd://9a1b2c3d\n"
    "    State:          Running\n"
    "      Started:      Mon, 13 Nov 2023 03:50:57 +0100\n"
    "    Last State:     Terminated\n"
    "      Reason:       Error\n"
    "      Exit Code:    137\n"
    "    Restart Count:  4\n"
    "Conditions:\n"
    "  Type              Status\n"
    "  Ready             False\n"
    "QoS Class:                   Burstable\n"
    "Events:\n"
    "  Type     Reason     Age               From     Message\n"
    "  ----     ------     ----              ----     -------\n"
    "  Warning  Unhealthy  2m (x12 over 8m)  kubelet  Liveness probe failed: HTTP probe failed "
    "with statuscode: 500\n"
    "  Normal   Killing    2m (x4 over 8m)   kubelet  Container api failed liveness probe, will "
    "be restarted\n";

}  // namespace

TEST_CASE("kubectl describe's sections open a block only on their own headers",
          "[joiner][tool-block]") {
  CHECK(tool_block::opens_kubectl_describe("Containers:"));
  CHECK(tool_block::opens_kubectl_describe("Init Containers:"));
  CHECK(tool_block::opens_kubectl_describe("    State:          Waiting"));
  CHECK(tool_block::opens_kubectl_describe("    Last State:     Terminated"));
  CHECK(tool_block::opens_kubectl_describe("Events:"));
  CHECK(tool_block::opens_kubectl_describe("Events:  <none>"));
  CHECK_FALSE(tool_block::opens_kubectl_describe("State: it is broken again"));
  CHECK_FALSE(tool_block::opens_kubectl_describe("Events: the pod restarted twice"));
  CHECK_FALSE(tool_block::opens_kubectl_describe("Containers: api and worker"));
  CHECK(tool_block::continues_kubectl_describe("      Reason:       OOMKilled"));
  CHECK(tool_block::continues_kubectl_describe("QoS Class:                   Burstable"));
  CHECK(tool_block::continues_kubectl_describe("Warning  BackOff  1m  kubelet  Back-off"));
  CHECK_FALSE(tool_block::continues_kubectl_describe("Note: this started after the upgrade"));
  CHECK_FALSE(tool_block::continues_kubectl_describe("Any idea what kills it?"));
}

TEST_CASE("kubectl describe's container section and Events table are one record",
          "[joiner][tool-block]") {
  const auto events = read(std::string(kDescribe) + "\nAny idea what kills it?\n");
  REQUIRE(events.size() == 2);
  CHECK(events[0].where.line_count == 18);
  CHECK(holds(events[0], "Exit Code:    137"));
  CHECK(holds(events[0], "failed liveness probe, will be restarted"));
  CHECK(events[1].message == "Any idea what kills it?");
}

TEST_CASE("kubectl describe's block ends at a person's line under it, blank or not",
          "[joiner][tool-block]") {
  const auto events =
      join_bare({"    Last State:     Terminated", "      Reason:       OOMKilled",
                 "      Exit Code:    137", "I raised the limit and it still dies"});
  REQUIRE(events.size() == 2);
  CHECK(events[0].where.line_count == 3);
}

TEST_CASE("kubectl describe's block is one record in a fence, in a quote and cut mid-way",
          "[joiner][tool-block]") {
  SECTION("fenced, under a sentence") {
    const auto events =
        read("kubectl describe pod says:\n\n```\n" + std::string(kDescribe) + "```\n");
    REQUIRE(events.size() == 2);
    CHECK(events[1].where.line_count == 18);
  }
  SECTION("quoted") {
    std::string quoted;
    for (std::size_t at = 0; at < kDescribe.size();) {
      const std::size_t end = kDescribe.find('\n', at);
      quoted += "> " + std::string(kDescribe.substr(at, end - at + 1));
      at = end + 1;
    }
    const auto events = read(quoted);
    REQUIRE(events.size() == 1);
    CHECK(holds(events[0], "    Last State:     Terminated\n      Reason:       Error"));
  }
  SECTION("cut inside the container section") {
    const auto events = read(kDescribe.substr(0, kDescribe.find("      Exit Code")));
    REQUIRE(events.size() == 1);
    CHECK(events[0].where.line_count == 7);
  }
}
