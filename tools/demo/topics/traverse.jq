# traverse.jq - demo-traverse's takeaway: the scattered list (and the scattered
# array of pointers) against the array of structs, at the largest N both
# reached, with the working set the array of structs had there.
include "lib";

def takeaway:
  . as $rows
  | ([.[] | select(.variant == "aos" or .variant == "list_scattered")] | common_largest_arg) as $n
  | ($rows | at("aos"; $n)) as $aos
  | ($rows | at("list_scattered"; $n)) as $list
  | ($rows | at("aop_scattered"; $n)) as $aop
  | if $aos == null or $list == null then generic_takeaway("ns"; "took"; "time per record")
    else "at N=\($n | count_h) records (\($aos.c.ws_bytes | bytes_h) as an array of structs), "
         + compare_sentence("the scattered list"; "the array of structs"; $list.ns; $aos.ns;
                            "took"; "time per record"; sig3 + " ns")
         + (if $aop == null then "" else "; the scattered array of pointers took "
              + "\(($aop.ns / $aos.ns) | times_h) as long as the array of structs (\($aop.ns | time_h))" end)
    end;
