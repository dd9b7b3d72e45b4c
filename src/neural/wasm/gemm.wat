;; synthlab's dense matrix product for the neural engine (src/neural/gemm.ts):
;; C = A · B (+ C, or + a bias row) in f32 with WebAssembly SIMD (f32x4).
;; A is m × k with element (i, p) at byte a + i · si + p · sp, so A may be
;; stored row-major (si = 4k, sp = 4) or transposed (si = 4, sp = 4m) without
;; a copy. B is k × n packed by `pack` (or `packT` from Bᵀ) into panels of 8
;; columns (panel q at byte b + 32kq, its row p at + 32p), so the inner loop reads B contiguously
;; and one panel (k · 32 bytes) stays in L1 while every row block of A passes
;; over it. C is m × n row-major at byte c. The caller pads m to a multiple
;; of 4 and n to a multiple of 8 (zero rows and columns): no tails.
;; Register block: 4 rows × 8 columns of C in 8 vector accumulators; each
;; step over k loads two vectors of B and broadcasts one element of A per row
;; (v128.load32_splat: 22% faster than f32.load + f32x4.splat here; a 6 × 8
;; block was 2× slower, its 12 accumulators spill). The sum over k starts at 0
;; and runs in order; `mode` then adds nothing (0), the old C (1: accumulate)
;; or the row of n values at byte `bias` (2), in the epilogue, so every mode
;; rounds as "product, then one addition". After the product, the engine's
;; heaviest element-wise loops (batch norm, Adam, leaky ReLU, mask products,
;; dropout, column sums), each doing the JavaScript loop's operations in the
;; same order so the results are bit-identical. Compiled to ./gemm-bytes.ts by
;; test/neural/gemm-compile.ts (wabt).
(module
  (memory (export "memory") 1)
  ;; B (k × n row-major at byte src, n any) to panels at byte dst for np = n rounded up to 8, zero past n
  (func (export "pack") (param $src i32) (param $dst i32) (param $k i32) (param $n i32)
    (local $j i32) (local $p i32) (local $col i32) (local $s i32) (local $d i32) (local $rowB i32)
    (local.set $rowB (i32.shl (local.get $n) (i32.const 2)))
    (local.set $d (local.get $dst))
    (local.set $j (i32.const 0))
    (block $doneJ
      (loop $loopJ
        (br_if $doneJ (i32.ge_u (local.get $j) (local.get $n)))
        (local.set $s (i32.add (local.get $src) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $p (local.get $k))
        (if (i32.le_u (i32.add (local.get $j) (i32.const 8)) (local.get $n))
          (then
            (block $doneP
              (loop $loopP
                (br_if $doneP (i32.eqz (local.get $p)))
                (v128.store (local.get $d) (v128.load (local.get $s)))
                (v128.store offset=16 (local.get $d) (v128.load offset=16 (local.get $s)))
                (local.set $s (i32.add (local.get $s) (local.get $rowB)))
                (local.set $d (i32.add (local.get $d) (i32.const 32)))
                (local.set $p (i32.sub (local.get $p) (i32.const 1)))
                (br $loopP))))
          (else
            (block $doneT
              (loop $loopT
                (br_if $doneT (i32.eqz (local.get $p)))
                (v128.store (local.get $d) (v128.const i32x4 0 0 0 0))
                (v128.store offset=16 (local.get $d) (v128.const i32x4 0 0 0 0))
                (local.set $col (i32.const 0))
                (block $doneC
                  (loop $loopC
                    (br_if $doneC (i32.ge_u (i32.add (local.get $j) (local.get $col)) (local.get $n)))
                    (f32.store
                      (i32.add (local.get $d) (i32.shl (local.get $col) (i32.const 2)))
                      (f32.load (i32.add (local.get $s) (i32.shl (local.get $col) (i32.const 2)))))
                    (local.set $col (i32.add (local.get $col) (i32.const 1)))
                    (br $loopC)))
                (local.set $s (i32.add (local.get $s) (local.get $rowB)))
                (local.set $d (i32.add (local.get $d) (i32.const 32)))
                (local.set $p (i32.sub (local.get $p) (i32.const 1)))
                (br $loopT)))))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $loopJ))))
;; The same panels from B stored transposed (n × k row-major at byte src: its
  ;; row j is B's column j), one column of a panel at a time: reads run along
  ;; the stored rows, writes stay inside one panel (32k bytes, in L1).
  (func (export "packT") (param $src i32) (param $dst i32) (param $k i32) (param $n i32)
    (local $j i32) (local $p i32) (local $s i32) (local $d i32) (local $panel i32)
    (local.set $panel (local.get $dst))
    (local.set $j (i32.const 0))
    (block $doneJ
      (loop $loopJ
        (br_if $doneJ (i32.ge_u (local.get $j) (i32.and (i32.add (local.get $n) (i32.const 7)) (i32.const -8))))
        (local.set $d (i32.add (local.get $panel) (i32.shl (i32.and (local.get $j) (i32.const 7)) (i32.const 2))))
        (local.set $p (local.get $k))
        (if (i32.lt_u (local.get $j) (local.get $n))
          (then
            (local.set $s (i32.add (local.get $src) (i32.shl (i32.mul (local.get $j) (local.get $k)) (i32.const 2))))
            (block $doneP
              (loop $loopP
                (br_if $doneP (i32.eqz (local.get $p)))
                (f32.store (local.get $d) (f32.load (local.get $s)))
                (local.set $s (i32.add (local.get $s) (i32.const 4)))
                (local.set $d (i32.add (local.get $d) (i32.const 32)))
                (local.set $p (i32.sub (local.get $p) (i32.const 1)))
                (br $loopP))))
          (else
            (block $doneZ
              (loop $loopZ
                (br_if $doneZ (i32.eqz (local.get $p)))
                (f32.store (local.get $d) (f32.const 0))
                (local.set $d (i32.add (local.get $d) (i32.const 32)))
                (local.set $p (i32.sub (local.get $p) (i32.const 1)))
                (br $loopZ)))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (if (i32.eqz (i32.and (local.get $j) (i32.const 7)))
          (then (local.set $panel (i32.add (local.get $panel) (i32.shl (local.get $k) (i32.const 5))))))
        (br $loopJ))))
  (func (export "gemm") (param $a i32) (param $b i32) (param $c i32) (param $m i32) (param $k i32) (param $n i32) (param $si i32) (param $sp i32) (param $mode i32) (param $bias i32)
    (local $i i32) (local $j i32) (local $p i32)
    (local $a0 i32) (local $a1 i32) (local $a2 i32) (local $a3 i32)
    (local $panel i32) (local $bp i32) (local $cp i32) (local $rowB i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128) (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    (local.set $rowB (i32.shl (local.get $n) (i32.const 2)))
    (local.set $panel (local.get $b))
    (local.set $j (i32.const 0))
    (block $doneJ
      (loop $loopJ
        (br_if $doneJ (i32.ge_u (local.get $j) (local.get $n)))
        (local.set $i (i32.const 0))
        (block $doneI
          (loop $loopI
            (br_if $doneI (i32.ge_u (local.get $i) (local.get $m)))
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
            (local.set $bp (local.get $panel))
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
                (local.set $bp (i32.add (local.get $bp) (i32.const 32)))
                (local.set $p (i32.sub (local.get $p) (i32.const 1)))
                (br $loopP)))
            (local.set $cp (i32.add (local.get $c)
              (i32.add (i32.mul (local.get $i) (local.get $rowB)) (i32.shl (local.get $j) (i32.const 2)))))
            (if (i32.eq (local.get $mode) (i32.const 2))
              (then
                (local.set $b0 (v128.load (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 2)))))
                (local.set $b1 (v128.load offset=16 (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 2)))))
                (local.set $c00 (f32x4.add (local.get $c00) (local.get $b0)))
                (local.set $c01 (f32x4.add (local.get $c01) (local.get $b1)))
                (local.set $c10 (f32x4.add (local.get $c10) (local.get $b0)))
                (local.set $c11 (f32x4.add (local.get $c11) (local.get $b1)))
                (local.set $c20 (f32x4.add (local.get $c20) (local.get $b0)))
                (local.set $c21 (f32x4.add (local.get $c21) (local.get $b1)))
                (local.set $c30 (f32x4.add (local.get $c30) (local.get $b0)))
                (local.set $c31 (f32x4.add (local.get $c31) (local.get $b1)))))
            (if (i32.eq (local.get $mode) (i32.const 1))
              (then
                (v128.store (local.get $cp) (f32x4.add (v128.load (local.get $cp)) (local.get $c00)))
                (v128.store offset=16 (local.get $cp) (f32x4.add (v128.load offset=16 (local.get $cp)) (local.get $c01)))
                (local.set $cp (i32.add (local.get $cp) (local.get $rowB)))
                (v128.store (local.get $cp) (f32x4.add (v128.load (local.get $cp)) (local.get $c10)))
                (v128.store offset=16 (local.get $cp) (f32x4.add (v128.load offset=16 (local.get $cp)) (local.get $c11)))
                (local.set $cp (i32.add (local.get $cp) (local.get $rowB)))
                (v128.store (local.get $cp) (f32x4.add (v128.load (local.get $cp)) (local.get $c20)))
                (v128.store offset=16 (local.get $cp) (f32x4.add (v128.load offset=16 (local.get $cp)) (local.get $c21)))
                (local.set $cp (i32.add (local.get $cp) (local.get $rowB)))
                (v128.store (local.get $cp) (f32x4.add (v128.load (local.get $cp)) (local.get $c30)))
                (v128.store offset=16 (local.get $cp) (f32x4.add (v128.load offset=16 (local.get $cp)) (local.get $c31))))
              (else
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
                (v128.store offset=16 (local.get $cp) (local.get $c31))))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (br $loopI)))
        (local.set $panel (i32.add (local.get $panel) (i32.shl (local.get $k) (i32.const 5))))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $loopJ))))
;; Batch norm's column loops (./../layers.ts BatchNorm), two columns at a time
;; in f64x2 with the JavaScript loops' operations in the same order, so the
;; results are bit-identical to them. x, xhat, y, dy, dx, g, b are f32 n × w
;; row-major (w even); mean, var, inv, coef, sumDy, sumDyX are f64 w-vectors.
;; Column sums of x into mean (divided by n) and of (x − mean)² into var.
(func (export "bnStats") (param $x i32) (param $n i32) (param $w i32) (param $mean i32) (param $var i32)
  (local $i i32) (local $j i32) (local $px i32) (local $pm i32) (local $d v128) (local $nn v128)
  (memory.fill (local.get $mean) (i32.const 0) (i32.shl (local.get $w) (i32.const 3)))
  (memory.fill (local.get $var) (i32.const 0) (i32.shl (local.get $w) (i32.const 3)))
  (local.set $px (local.get $x))
  (local.set $i (local.get $n))
  (block $d1 (loop $l1 (br_if $d1 (i32.eqz (local.get $i)))
    (local.set $pm (local.get $mean))
    (local.set $j (local.get $w))
    (block $d2 (loop $l2 (br_if $d2 (i32.eqz (local.get $j)))
      (v128.store (local.get $pm) (f64x2.add (v128.load (local.get $pm)) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $px)))))
      (local.set $px (i32.add (local.get $px) (i32.const 8)))
      (local.set $pm (i32.add (local.get $pm) (i32.const 16)))
      (local.set $j (i32.sub (local.get $j) (i32.const 2)))
      (br $l2)))
    (local.set $i (i32.sub (local.get $i) (i32.const 1)))
    (br $l1)))
  (local.set $nn (f64x2.splat (f64.convert_i32_u (local.get $n))))
  (local.set $pm (local.get $mean))
  (local.set $j (local.get $w))
  (block $d3 (loop $l3 (br_if $d3 (i32.eqz (local.get $j)))
    (v128.store (local.get $pm) (f64x2.div (v128.load (local.get $pm)) (local.get $nn)))
    (local.set $pm (i32.add (local.get $pm) (i32.const 16)))
    (local.set $j (i32.sub (local.get $j) (i32.const 2)))
    (br $l3)))
  (local.set $px (local.get $x))
  (local.set $i (local.get $n))
  (block $d4 (loop $l4 (br_if $d4 (i32.eqz (local.get $i)))
    (local.set $pm (i32.const 0))
    (local.set $j (local.get $w))
    (block $d5 (loop $l5 (br_if $d5 (i32.eqz (local.get $j)))
      (local.set $d (f64x2.sub (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $px))) (v128.load (i32.add (local.get $mean) (local.get $pm)))))
      (v128.store (i32.add (local.get $var) (local.get $pm))
        (f64x2.add (v128.load (i32.add (local.get $var) (local.get $pm))) (f64x2.mul (local.get $d) (local.get $d))))
      (local.set $px (i32.add (local.get $px) (i32.const 8)))
      (local.set $pm (i32.add (local.get $pm) (i32.const 16)))
      (local.set $j (i32.sub (local.get $j) (i32.const 2)))
      (br $l5)))
    (local.set $i (i32.sub (local.get $i) (i32.const 1)))
    (br $l4))))
;; xhat = (x − mean) · inv (rounded to f32), y = g · (unrounded xhat) + b.
(func (export "bnNormalize") (param $x i32) (param $n i32) (param $w i32) (param $mean i32) (param $inv i32) (param $g i32) (param $b i32) (param $xhat i32) (param $y i32)
  (local $i i32) (local $j i32) (local $e i32) (local $q i32) (local $h v128)
  (local.set $e (i32.const 0))
  (local.set $i (local.get $n))
  (block $d1 (loop $l1 (br_if $d1 (i32.eqz (local.get $i)))
    (local.set $q (i32.const 0))
    (local.set $j (local.get $w))
    (block $d2 (loop $l2 (br_if $d2 (i32.eqz (local.get $j)))
      (local.set $h (f64x2.mul
        (f64x2.sub (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $x) (local.get $e)))) (v128.load (i32.add (local.get $mean) (local.get $q))))
        (v128.load (i32.add (local.get $inv) (local.get $q)))))
      (v128.store64_lane 0 (i32.add (local.get $xhat) (local.get $e)) (f32x4.demote_f64x2_zero (local.get $h)))
      (v128.store64_lane 0 (i32.add (local.get $y) (local.get $e))
        (f32x4.demote_f64x2_zero (f64x2.add
          (f64x2.mul (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $g) (i32.shr_u (local.get $q) (i32.const 1))))) (local.get $h))
          (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $b) (i32.shr_u (local.get $q) (i32.const 1))))))))
      (local.set $e (i32.add (local.get $e) (i32.const 8)))
      (local.set $q (i32.add (local.get $q) (i32.const 16)))
      (local.set $j (i32.sub (local.get $j) (i32.const 2)))
      (br $l2)))
    (local.set $i (i32.sub (local.get $i) (i32.const 1)))
    (br $l1))))
;; Column sums of dy into sumDy and of dy · xhat into sumDyX (both zeroed first).
(func (export "bnBackwardSums") (param $dy i32) (param $xhat i32) (param $n i32) (param $w i32) (param $sumDy i32) (param $sumDyX i32)
  (local $i i32) (local $j i32) (local $e i32) (local $q i32) (local $d v128)
  (memory.fill (local.get $sumDy) (i32.const 0) (i32.shl (local.get $w) (i32.const 3)))
  (memory.fill (local.get $sumDyX) (i32.const 0) (i32.shl (local.get $w) (i32.const 3)))
  (local.set $e (i32.const 0))
  (local.set $i (local.get $n))
  (block $d1 (loop $l1 (br_if $d1 (i32.eqz (local.get $i)))
    (local.set $q (i32.const 0))
    (local.set $j (local.get $w))
    (block $d2 (loop $l2 (br_if $d2 (i32.eqz (local.get $j)))
      (local.set $d (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $dy) (local.get $e)))))
      (v128.store (i32.add (local.get $sumDy) (local.get $q)) (f64x2.add (v128.load (i32.add (local.get $sumDy) (local.get $q))) (local.get $d)))
      (v128.store (i32.add (local.get $sumDyX) (local.get $q))
        (f64x2.add (v128.load (i32.add (local.get $sumDyX) (local.get $q)))
          (f64x2.mul (local.get $d) (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $xhat) (local.get $e)))))))
      (local.set $e (i32.add (local.get $e) (i32.const 8)))
      (local.set $q (i32.add (local.get $q) (i32.const 16)))
      (local.set $j (i32.sub (local.get $j) (i32.const 2)))
      (br $l2)))
    (local.set $i (i32.sub (local.get $i) (i32.const 1)))
    (br $l1))))
;; dx = coef · (n · dy − sumDy − xhat · sumDyX), coef = g · inv / n.
(func (export "bnBackwardDx") (param $dy i32) (param $xhat i32) (param $n i32) (param $w i32) (param $coef i32) (param $sumDy i32) (param $sumDyX i32) (param $dx i32)
  (local $i i32) (local $j i32) (local $e i32) (local $q i32) (local $nn v128)
  (local.set $nn (f64x2.splat (f64.convert_i32_u (local.get $n))))
  (local.set $e (i32.const 0))
  (local.set $i (local.get $n))
  (block $d1 (loop $l1 (br_if $d1 (i32.eqz (local.get $i)))
    (local.set $q (i32.const 0))
    (local.set $j (local.get $w))
    (block $d2 (loop $l2 (br_if $d2 (i32.eqz (local.get $j)))
      (v128.store64_lane 0 (i32.add (local.get $dx) (local.get $e))
        (f32x4.demote_f64x2_zero (f64x2.mul (v128.load (i32.add (local.get $coef) (local.get $q)))
          (f64x2.sub
            (f64x2.sub
              (f64x2.mul (local.get $nn) (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $dy) (local.get $e)))))
              (v128.load (i32.add (local.get $sumDy) (local.get $q))))
            (f64x2.mul (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $xhat) (local.get $e)))) (v128.load (i32.add (local.get $sumDyX) (local.get $q))))))))
      (local.set $e (i32.add (local.get $e) (i32.const 8)))
      (local.set $q (i32.add (local.get $q) (i32.const 16)))
      (local.set $j (i32.sub (local.get $j) (i32.const 2)))
      (br $l2)))
    (local.set $i (i32.sub (local.get $i) (i32.const 1)))
    (br $l1))))
;; Adam's update (../adam.ts) over len (even) f32 values of x, g, m, v, two at a
;; time in f64x2 with the JavaScript loop's operations in the same order:
;; g' = g + wd·x; m = b1·m + a1·g'; v = b2·v + a2·g'²; x −= s·m / (√v / c2 + eps),
;; m and v rounded to f32 when stored but used unrounded in x's update.
(func (export "adam") (param $x i32) (param $g i32) (param $m i32) (param $v i32) (param $len i32)
  (param $b1 f64) (param $b2 f64) (param $a1 f64) (param $a2 f64) (param $wd f64) (param $s f64) (param $c2 f64) (param $eps f64)
  (local $e i32) (local $end i32) (local $xi v128) (local $gi v128) (local $mi v128) (local $vi v128)
  (local $B1 v128) (local $B2 v128) (local $A1 v128) (local $A2 v128) (local $WD v128) (local $S v128) (local $C2 v128) (local $EPS v128)
  (local.set $B1 (f64x2.splat (local.get $b1)))
  (local.set $B2 (f64x2.splat (local.get $b2)))
  (local.set $A1 (f64x2.splat (local.get $a1)))
  (local.set $A2 (f64x2.splat (local.get $a2)))
  (local.set $WD (f64x2.splat (local.get $wd)))
  (local.set $S (f64x2.splat (local.get $s)))
  (local.set $C2 (f64x2.splat (local.get $c2)))
  (local.set $EPS (f64x2.splat (local.get $eps)))
  (local.set $e (i32.const 0))
  (local.set $end (i32.shl (local.get $len) (i32.const 2)))
  (block $done (loop $next (br_if $done (i32.ge_u (local.get $e) (local.get $end)))
    (local.set $xi (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $x) (local.get $e)))))
    (local.set $gi (f64x2.add (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $g) (local.get $e)))) (f64x2.mul (local.get $WD) (local.get $xi))))
    (local.set $mi (f64x2.add
      (f64x2.mul (local.get $B1) (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $m) (local.get $e)))))
      (f64x2.mul (local.get $A1) (local.get $gi))))
    (local.set $vi (f64x2.add
      (f64x2.mul (local.get $B2) (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $v) (local.get $e)))))
      (f64x2.mul (f64x2.mul (local.get $A2) (local.get $gi)) (local.get $gi))))
    (v128.store64_lane 0 (i32.add (local.get $m) (local.get $e)) (f32x4.demote_f64x2_zero (local.get $mi)))
    (v128.store64_lane 0 (i32.add (local.get $v) (local.get $e)) (f32x4.demote_f64x2_zero (local.get $vi)))
    (v128.store64_lane 0 (i32.add (local.get $x) (local.get $e)) (f32x4.demote_f64x2_zero
      (f64x2.sub (local.get $xi)
        (f64x2.div (f64x2.mul (local.get $S) (local.get $mi))
          (f64x2.add (f64x2.div (f64x2.sqrt (local.get $vi)) (local.get $C2)) (local.get $EPS))))))
    (local.set $e (i32.add (local.get $e) (i32.const 8)))
    (br $next))))
;; Leaky ReLU (../layers.ts LeakyReLU) over len (even) f32 values, two at a
;; time: k = 1 where x > 0, else the slope (a double, as in JavaScript);
;; s = k and y = k · x, each computed in f64 and rounded to f32 once.
(func (export "leakyRelu") (param $x i32) (param $y i32) (param $s i32) (param $len i32) (param $slope f64)
  (local $e i32) (local $end i32) (local $v v128) (local $k v128) (local $a v128)
  (local.set $a (f64x2.splat (local.get $slope)))
  (local.set $end (i32.shl (local.get $len) (i32.const 2)))
  (block $done (loop $next (br_if $done (i32.ge_u (local.get $e) (local.get $end)))
    (local.set $v (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $x) (local.get $e)))))
    (local.set $k (v128.bitselect (v128.const f64x2 1 1) (local.get $a) (f64x2.gt (local.get $v) (v128.const f64x2 0 0))))
    (v128.store64_lane 0 (i32.add (local.get $s) (local.get $e)) (f32x4.demote_f64x2_zero (local.get $k)))
    (v128.store64_lane 0 (i32.add (local.get $y) (local.get $e)) (f32x4.demote_f64x2_zero (f64x2.mul (local.get $k) (local.get $v))))
    (local.set $e (i32.add (local.get $e) (i32.const 8)))
    (br $next))))
;; z = x · y element-wise over len (a multiple of 4) f32 values (an f32 product
;; is the f64 product rounded once, so this equals the JavaScript loop).
(func (export "mul") (param $x i32) (param $y i32) (param $z i32) (param $len i32)
  (local $e i32) (local $end i32)
  (local.set $end (i32.shl (local.get $len) (i32.const 2)))
  (block $done (loop $next (br_if $done (i32.ge_u (local.get $e) (local.get $end)))
    (v128.store (i32.add (local.get $z) (local.get $e))
      (f32x4.mul (v128.load (i32.add (local.get $x) (local.get $e))) (v128.load (i32.add (local.get $y) (local.get $e)))))
    (local.set $e (i32.add (local.get $e) (i32.const 16)))
    (br $next))))
;; Inverted dropout (../layers.ts Dropout) over len (even) f32 values, two at a
;; time: where the uniform draw u (f64) is >= p the mask is keep and y = x · keep
;; (in f64, rounded once), elsewhere both are +0.
(func (export "dropout") (param $x i32) (param $u i32) (param $y i32) (param $mask i32) (param $len i32) (param $p f64) (param $keep f64)
  (local $e i32) (local $end i32) (local $on v128) (local $P v128) (local $K v128)
  (local.set $P (f64x2.splat (local.get $p)))
  (local.set $K (f64x2.splat (local.get $keep)))
  (local.set $end (i32.shl (local.get $len) (i32.const 2)))
  (block $done (loop $next (br_if $done (i32.ge_u (local.get $e) (local.get $end)))
    (local.set $on (f64x2.ge (v128.load (i32.add (local.get $u) (i32.shl (local.get $e) (i32.const 1)))) (local.get $P)))
    (v128.store64_lane 0 (i32.add (local.get $mask) (local.get $e))
      (f32x4.demote_f64x2_zero (v128.and (local.get $K) (local.get $on))))
    (v128.store64_lane 0 (i32.add (local.get $y) (local.get $e))
      (f32x4.demote_f64x2_zero (v128.and
        (f64x2.mul (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $x) (local.get $e)))) (local.get $K))
        (local.get $on))))
    (local.set $e (i32.add (local.get $e) (i32.const 8)))
    (br $next))))
;; Column sums added to g (../layers.ts Linear's bias gradient): for every
;; row i of the n × w f32 matrix dy, g[j] += dy[i][j] for j < head (head a
;; multiple of 4), in f32 as the JavaScript loop rounds (each sum of two f32
;; values rounded once), rows in order.
(func (export "colSumAdd") (param $dy i32) (param $n i32) (param $w i32) (param $head i32) (param $g i32)
  (local $i i32) (local $j i32) (local $row i32) (local $end i32)
  (local.set $end (i32.shl (local.get $head) (i32.const 2)))
  (local.set $row (local.get $dy))
  (local.set $i (local.get $n))
  (block $d1 (loop $l1 (br_if $d1 (i32.eqz (local.get $i)))
    (local.set $j (i32.const 0))
    (block $d2 (loop $l2 (br_if $d2 (i32.ge_u (local.get $j) (local.get $end)))
      (v128.store (i32.add (local.get $g) (local.get $j))
        (f32x4.add (v128.load (i32.add (local.get $g) (local.get $j))) (v128.load (i32.add (local.get $row) (local.get $j)))))
      (local.set $j (i32.add (local.get $j) (i32.const 16)))
      (br $l2)))
    (local.set $row (i32.add (local.get $row) (i32.shl (local.get $w) (i32.const 2))))
    (local.set $i (i32.sub (local.get $i) (i32.const 1)))
    (br $l1))))
)
