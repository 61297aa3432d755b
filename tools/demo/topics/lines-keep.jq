# lines-keep.jq - demo-lines-keep's takeaway: for each line-length
# distribution, how many kept views and copies still read their own line
# after the whole text was read, at the smallest and the largest text, and
# what the copy cost per line there.
include "lib";

def kept(v; n): v as $v | [.[] | select(.variant == $v and .arg == n)][0];

def takeaway:
  . as $rows
  | ([.[].arg] | unique) as $args
  | ($args | min) as $small | ($args | max) as $big
  | variant_order | map(select(startswith("keep_view/")))
  | map(. as $v | ($v | sub("^keep_view/"; "keep_copy/")) as $c
        | ($rows | kept($v; $big)) as $vb | ($rows | kept($c; $big)) as $cb
        | ($rows | kept($v; $small)) as $vs
        | select($vb != null and $cb != null)
        | "\($v | sub("^keep_view/"; "")) lines, \($big | bytes_h): "
          + "\($vb.c.kept_intact | sig3) of \($vb.c.lines | sig3) views still read their line "
          + "(\($vb.c.kept_later_text | sig3) read later text), "
          + "\($cb.c.kept_intact | sig3) of \($cb.c.lines | sig3) copies"
          + (if $vs != null then "; at \($small | bytes_h) \($vs.c.kept_intact | sig3) of "
               + "\($vs.c.lines | sig3) views did" else "" end)
          + "; a copy cost \($cb.ns - $vb.ns | sig3) ns more per line")
  | if length == 0 then ($rows | generic_takeaway("ns"; "took"; "time per line"))
    else join("; ") end;
