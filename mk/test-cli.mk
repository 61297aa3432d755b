# test-cli.mk - make test-cli: bad input to the bench programs and the run
# script (unknown flags, malformed sizes, too large a working set,
# unwritable results, a filter matching nothing, Ctrl-C mid-run) gives a
# clear message and a non-zero exit, and loses nothing.  make test runs it.

test-cli: $(BIN)/traverse
	@tests/cli/bad-input.sh $(BIN)
	@$(MAKE) --no-print-directory $(BIN)/report $(BIN)/claims_diff $(BIN)/compare && tests/cli/hostile.sh $(BIN) && tests/cli/plots-full-disk.sh && tests/cli/library-flags.sh $(BIN)

HELP_EXTRA += "  make test-cli     bad input and Ctrl-C: clear errors, nothing lost (part of make test)\n"
.PHONY: test-cli

# Every module that allocates has a failure sweep (counting_fail_at) in
# its tests: a check on the test suite itself, run by hand or in CI.
oom-audit:
	@tests/cli/oom-audit.sh

HELP_EXTRA += "  make oom-audit    check every allocating module in src/ has a failure sweep test\n"
.PHONY: oom-audit
