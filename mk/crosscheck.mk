# crosscheck.mk - make crosscheck [RUN=dir]: measure a real CPython list of
# ints, floats and small objects at the sizes of the traverse bench's boxed
# model (python3, standard library only) and write RUN/crosscheck.json;
# the claims report sets it beside the model for claim L4.

crosscheck:
	@command -v python3 >/dev/null || { echo "crosscheck: python3 is not installed" >&2; exit 1; }
	@python3 tools/crosscheck.py $(RUN)

HELP_EXTRA += "  make crosscheck   a real CPython list beside the boxed model of L4: RUN/crosscheck.json\n"
.PHONY: crosscheck
