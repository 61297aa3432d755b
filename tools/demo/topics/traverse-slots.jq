# traverse-slots.jq - demo-traverse-slots' takeaway: at the largest number
# of objects both classes reached, the dict-backed objects' bytes and time
# per object against the __slots__ objects' (tracemalloc's bytes, the
# loop's CPU ns, as the report judges L7).
include "lib";

def takeaway:
  . as $rows
  | ([.[] | select(.variant == "object_list" or .variant == "dict_object_list")]
     | common_largest_arg) as $n
  | ($rows | at("dict_object_list"; $n)) as $d | ($rows | at("object_list"; $n)) as $s
  | if $d == null or $s == null then generic_takeaway("ns"; "took"; "time per object")
    else "for \($n | count_h) objects, "
         + compare_sentence("a dict-backed object"; "a __slots__ object"; $d.c.bytes_per_elem;
                            $s.c.bytes_per_elem; "cost"; "bytes"; sig3 + " B")
         + "; the loop over dict-backed objects: "
         + compare_sentence("it"; "the __slots__ loop"; $d.ns; $s.ns; "took";
                            "time per object"; sig3 + " ns")
    end;
