;; Whole-file passes over INF bytes with 16-byte SIMD compares, as a reader compiled to
;; WebAssembly would make them: the least such a reader pays, beside decoding, before it parses
;; anything. The bytes are copied to offset 0 of the memory first.
(module
  (memory (export "memory") 1)

  ;; The number of `[` bytes in the first `length` bytes: one compare per 16 bytes, nothing
  ;; written. Every reader looks at each byte once to find the section headers.
  (func (export "countBrackets") (param $length i32) (result i32)
    (local $at i32)
    (local $count i32)
    (local $end i32)

    (local.set $end (i32.and (local.get $length) (i32.const -16)))
    (block $blocks_done
      (loop $blocks
        (br_if $blocks_done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $count
          (i32.add
            (local.get $count)
            (i32.popcnt
              (i8x16.bitmask
                (i8x16.eq (v128.load (local.get $at)) (i8x16.splat (i32.const 91)))))))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $blocks)))
    (block $tail_done
      (loop $tail
        (br_if $tail_done (i32.ge_u (local.get $at) (local.get $length)))
        (if (i32.eq (i32.load8_u (local.get $at)) (i32.const 91))
          (then (local.set $count (i32.add (local.get $count) (i32.const 1)))))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (br $tail)))
    (local.get $count))

  ;; Writes the offset of every line feed and `[` in the first `length` bytes, as 32-bit
  ;; integers from `output` on, and returns how many there are: the line ends and headers a
  ;; reader cuts the text at.
  (func (export "listLineEnds") (param $length i32) (param $output i32) (result i32)
    (local $at i32)
    (local $end i32)
    (local $bits i32)
    (local $next i32)
    (local $block v128)

    (local.set $next (local.get $output))
    (local.set $end (i32.and (local.get $length) (i32.const -16)))
    (block $blocks_done
      (loop $blocks
        (br_if $blocks_done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $block (v128.load (local.get $at)))
        (local.set $bits
          (i8x16.bitmask
            (v128.or
              (i8x16.eq (local.get $block) (i8x16.splat (i32.const 10)))
              (i8x16.eq (local.get $block) (i8x16.splat (i32.const 91))))))
        (block $bits_done
          (loop $each_bit
            (br_if $bits_done (i32.eqz (local.get $bits)))
            (i32.store (local.get $next) (i32.add (local.get $at) (i32.ctz (local.get $bits))))
            (local.set $next (i32.add (local.get $next) (i32.const 4)))
            (local.set $bits (i32.and (local.get $bits) (i32.sub (local.get $bits) (i32.const 1))))
            (br $each_bit)))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $blocks)))
    (block $tail_done
      (loop $tail
        (br_if $tail_done (i32.ge_u (local.get $at) (local.get $length)))
        (if (i32.or
              (i32.eq (i32.load8_u (local.get $at)) (i32.const 10))
              (i32.eq (i32.load8_u (local.get $at)) (i32.const 91)))
          (then
            (i32.store (local.get $next) (local.get $at))
            (local.set $next (i32.add (local.get $next) (i32.const 4)))))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (br $tail)))
    (i32.shr_u (i32.sub (local.get $next) (local.get $output)) (i32.const 2))))
