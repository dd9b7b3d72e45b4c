;; synthlab's dense matrix product for the neural engine (src/neural/gemm.ts):
;; C = A · B in f32 with WebAssembly SIMD (f32x4), A m × k, B k × n, C m × n,
;; B and C row-major at byte offsets b and c; A's element (i, p) at byte
;; a + i · si + p · sp, so A may be stored row-major (si = 4k, sp = 4) or
;; transposed (si = 4, sp = 4m) without a copy. The caller pads m to a multiple
;; of 4 and n to a multiple of 8 (zero rows and columns): no tails.
;; Register block: 4 rows × 8 columns of C in 8 vector accumulators; each
;; step over k loads two vectors of B's row and broadcasts one element of A per
;; row (v128.load32_splat: 22% faster than f32.load + f32x4.splat here; a 6 × 8
;; block was 1.8× slower, its 12 accumulators spill). Compiled to
;; ./gemm-bytes.ts by test/neural/gemm-compile.ts (wabt).
(module
  (memory (export "memory") 1)
  (func (export "gemm") (param $a i32) (param $b i32) (param $c i32) (param $m i32) (param $k i32) (param $n i32) (param $si i32) (param $sp i32)
    (local $i i32) (local $j i32) (local $p i32)
    (local $a0 i32) (local $a1 i32) (local $a2 i32) (local $a3 i32)
    (local $bp i32) (local $cp i32) (local $rowB i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128) (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    (local.set $rowB (i32.shl (local.get $n) (i32.const 2)))
    (local.set $i (i32.const 0))
    (block $doneI
      (loop $loopI
        (br_if $doneI (i32.ge_u (local.get $i) (local.get $m)))
        (local.set $j (i32.const 0))
        (block $doneJ
          (loop $loopJ
            (br_if $doneJ (i32.ge_u (local.get $j) (local.get $n)))
            (local.set $c00 (v128.const i32x4 0 0 0 0))
            (local.set $c01 (v128.const i32x4 0 0 0 0))
            (local.set $c10 (v128.const i32x4 0 0 0 0))
            (local.set $c11 (v128.const i32x4 0 0 0 0))
            (local.set $c20 (v128.const i32x4 0 0 0 0))
            (local.set $c21 (v128.const i32x4 0 0 0 0))
            (local.set $c30 (v128.const i32x4 0 0 0 0))
            (local.set $c31 (v128.const i32x4 0 0 0 0))
            (local.set $a0 (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $si))))
            (local.set $a1 (i32.add (local.get $a0) (local.get $si)))
            (local.set $a2 (i32.add (local.get $a1) (local.get $si)))
            (local.set $a3 (i32.add (local.get $a2) (local.get $si)))
            (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))
            (local.set $p (local.get $k))
            (block $doneP
              (loop $loopP
                (br_if $doneP (i32.eqz (local.get $p)))
                (local.set $b0 (v128.load (local.get $bp)))
                (local.set $b1 (v128.load offset=16 (local.get $bp)))
                (local.set $x (v128.load32_splat (local.get $a0)))
                (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x) (local.get $b0))))
                (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x) (local.get $b1))))
                (local.set $x (v128.load32_splat (local.get $a1)))
                (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $x) (local.get $b0))))
                (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $x) (local.get $b1))))
                (local.set $x (v128.load32_splat (local.get $a2)))
                (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $x) (local.get $b0))))
                (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $x) (local.get $b1))))
                (local.set $x (v128.load32_splat (local.get $a3)))
                (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $x) (local.get $b0))))
                (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $x) (local.get $b1))))
                (local.set $a0 (i32.add (local.get $a0) (local.get $sp)))
                (local.set $a1 (i32.add (local.get $a1) (local.get $sp)))
                (local.set $a2 (i32.add (local.get $a2) (local.get $sp)))
                (local.set $a3 (i32.add (local.get $a3) (local.get $sp)))
                (local.set $bp (i32.add (local.get $bp) (local.get $rowB)))
                (local.set $p (i32.sub (local.get $p) (i32.const 1)))
                (br $loopP)))
            (local.set $cp (i32.add (local.get $c)
              (i32.add (i32.mul (local.get $i) (local.get $rowB)) (i32.shl (local.get $j) (i32.const 2)))))
            (v128.store (local.get $cp) (local.get $c00))
            (v128.store offset=16 (local.get $cp) (local.get $c01))
            (local.set $cp (i32.add (local.get $cp) (local.get $rowB)))
            (v128.store (local.get $cp) (local.get $c10))
            (v128.store offset=16 (local.get $cp) (local.get $c11))
            (local.set $cp (i32.add (local.get $cp) (local.get $rowB)))
            (v128.store (local.get $cp) (local.get $c20))
            (v128.store offset=16 (local.get $cp) (local.get $c21))
            (local.set $cp (i32.add (local.get $cp) (local.get $rowB)))
            (v128.store (local.get $cp) (local.get $c30))
            (v128.store offset=16 (local.get $cp) (local.get $c31))
            (local.set $j (i32.add (local.get $j) (i32.const 8)))
            (br $loopJ)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $loopI))))
)
