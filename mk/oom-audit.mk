# oom-audit.mk - make oom-audit: every module in src/ that allocates has a
# failure sweep (counting_fail_at) in its tests: a check on the test suite
# itself, run by hand or in CI.  (make test-cli itself is in the Makefile:
# make test runs it.)

oom-audit:
	@tests/cli/oom-audit.sh

HELP_CODE += oom-audit
HELP.oom-audit := check every allocating module in src/ has a failure sweep test
.PHONY: oom-audit
