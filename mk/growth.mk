# growth.mk - targets of the growth experiment (claims G1-G4) beyond make bench.

.PHONY: slice-demo

# Claim G4 shown: a copied slice header shares its array, a copied array
# does not; and a small view keeps a 1 MiB buffer live (tools/slice_demo.c).
slice-demo: $(BIN)/slice_demo
	@$(BIN)/slice_demo

HELP_RUNS += slice-demo
HELP.slice-demo := claim G4: copied slices share an array, copied arrays do not
