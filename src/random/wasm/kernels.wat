;; synthlab bulk kernels for the default bit generator, xoshiro128** 1.1:
;; uniform doubles, ziggurat normals and ziggurat exponentials, each drawing
;; the same 32-bit words in the same order as the JavaScript samplers
;; (src/random/normal.ts, exponential.ts, stream.ts), so results are identical.
;; Integers converted to f64 are below 2^53, so the signed conversion (one
;; instruction) gives the same value as the unsigned one.
;; The generator state lives in locals in the hot loops (steps written out);
;; the rare slow paths run in helper functions on the globals $s0..$s3.
;; Compiled to ./kernels-bytes.ts by test/random/wasm-compile.ts (wabt).
;;
;; Memory layout (bytes):
;;   0      xoshiro128** state s0..s3 (4 x i32), read at entry and written at exit
;;   16     PCG64 state low/high, increment low/high (4 x i64)
;;   64     KI  normal thresholds (256 x f64)      2112 WI  normal widths
;;   4160   FI  normal densities                    6208 KE  exponential thresholds
;;   8256   WE  exponential widths                 10304 FE  exponential densities
;;   12352  EXP_H  2^(j/128) as doubles (128 x f64)  13376 EXP_TAIL their relative errors
;;   16384  output: up to 65536 f64
(module
  (import "env" "log" (func $log (param f64) (result f64)))
  (import "env" "exp" (func $exp (param f64) (result f64)))
  (memory (export "memory") 9)
  (global $s0 (mut i32) (i32.const 0))
  (global $s1 (mut i32) (i32.const 0))
  (global $s2 (mut i32) (i32.const 0))
  (global $s3 (mut i32) (i32.const 0))

  ;; the next 32-bit word from the globals (slow paths only)
  (func $next (result i32)
    (local $r i32) (local $t i32)
    (local.set $r (i32.mul (i32.rotl (i32.mul (global.get $s1) (i32.const 5)) (i32.const 7)) (i32.const 9)))
    (local.set $t (i32.shl (global.get $s1) (i32.const 9)))
    (global.set $s2 (i32.xor (global.get $s2) (global.get $s0)))
    (global.set $s3 (i32.xor (global.get $s3) (global.get $s1)))
    (global.set $s1 (i32.xor (global.get $s1) (global.get $s2)))
    (global.set $s0 (i32.xor (global.get $s0) (global.get $s3)))
    (global.set $s2 (i32.xor (global.get $s2) (local.get $t)))
    (global.set $s3 (i32.rotl (global.get $s3) (i32.const 11)))
    (local.get $r))

  ;; a double in [0, 1) from the next two words (low, high): (hi * 2^21 + (lo >>> 11)) * 2^-53
  (func $double (result f64)
    (local $lo i32)
    (local.set $lo (call $next))
    (f64.mul
      (f64.convert_i64_s
        (i64.or
          (i64.shl (i64.extend_i32_u (call $next)) (i64.const 21))
          (i64.extend_i32_u (i32.shr_u (local.get $lo) (i32.const 11)))))
      (f64.const 0x1p-53)))

  (func (export "uniform") (param $n i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $t i32) (local $lo i32) (local $hi i32) (local $p i32) (local $end i32)
    (local.set $a (i32.load (i32.const 0)))
    (local.set $b (i32.load (i32.const 4)))
    (local.set $c (i32.load (i32.const 8)))
    (local.set $d (i32.load (i32.const 12)))
    (local.set $p (i32.const 16384))
    (local.set $end (i32.add (i32.const 16384) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $loop
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        ;; xoshiro128** step -> $lo
        (local.set $lo (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $b) (i32.const 9)))
        (local.set $c (i32.xor (local.get $c) (local.get $a)))
        (local.set $d (i32.xor (local.get $d) (local.get $b)))
        (local.set $b (i32.xor (local.get $b) (local.get $c)))
        (local.set $a (i32.xor (local.get $a) (local.get $d)))
        (local.set $c (i32.xor (local.get $c) (local.get $t)))
        (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
        ;; xoshiro128** step -> $hi
        (local.set $hi (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $b) (i32.const 9)))
        (local.set $c (i32.xor (local.get $c) (local.get $a)))
        (local.set $d (i32.xor (local.get $d) (local.get $b)))
        (local.set $b (i32.xor (local.get $b) (local.get $c)))
        (local.set $a (i32.xor (local.get $a) (local.get $d)))
        (local.set $c (i32.xor (local.get $c) (local.get $t)))
        (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
        (f64.store (local.get $p)
          (f64.mul
            (f64.convert_i64_s
              (i64.or
                (i64.shl (i64.extend_i32_u (local.get $hi)) (i64.const 21))
                (i64.extend_i32_u (i32.shr_u (local.get $lo) (i32.const 11)))))
            (f64.const 0x1p-53)))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $loop)))
    (i32.store (i32.const 0) (local.get $a))
    (i32.store (i32.const 4) (local.get $b))
    (i32.store (i32.const 8) (local.get $c))
    (i32.store (i32.const 12) (local.get $d)))

  ;; the normal ziggurat's slow path for a rejected pair: the tail (idx 0) or
  ;; the wedge test; NaN means "draw a new pair" (as normal.ts's normalSlow)
  (func $normalSlow (param $lo i32) (param $idx i32) (param $x f64) (result f64)
    (local $off i32) (local $xx f64) (local $yy f64)
    (if (i32.eqz (local.get $idx))
      (then
        (loop $tail
          (local.set $xx (f64.mul (f64.const -0.27366123732975828) (call $log (f64.sub (f64.const 1) (call $double)))))
          (local.set $yy (f64.neg (call $log (f64.sub (f64.const 1) (call $double)))))
          (if (f64.gt (f64.add (local.get $yy) (local.get $yy)) (f64.mul (local.get $xx) (local.get $xx)))
            (then
              (if (i32.and (i32.shr_u (local.get $lo) (i32.const 17)) (i32.const 1))
                (then (return (f64.neg (f64.add (f64.const 3.6541528853610088) (local.get $xx))))))
              (return (f64.add (f64.const 3.6541528853610088) (local.get $xx)))))
          (br $tail))))
    (local.set $off (i32.shl (local.get $idx) (i32.const 3)))
    (if (result f64)
      (f64.lt
        (f64.add
          (f64.mul
            (f64.sub (f64.load offset=4152 (local.get $off)) (f64.load offset=4160 (local.get $off)))
            (call $double))
          (f64.load offset=4160 (local.get $off)))
        (call $exp (f64.mul (f64.mul (f64.const -0.5) (local.get $x)) (local.get $x))))
      (then (local.get $x))
      (else (f64.const nan))))

  (func $normalK (export "normal") (param $n i32) (param $loc f64) (param $scale f64)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $t i32) (local $lo i32) (local $hi i32) (local $p i32) (local $end i32) (local $idx i32) (local $off i32) (local $rabs f64) (local $x f64) (local $v f64)
    (local.set $a (i32.load (i32.const 0)))
    (local.set $b (i32.load (i32.const 4)))
    (local.set $c (i32.load (i32.const 8)))
    (local.set $d (i32.load (i32.const 12)))
    (local.set $p (i32.const 16384))
    (local.set $end (i32.add (i32.const 16384) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $loop
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        ;; xoshiro128** step -> $lo
        (local.set $lo (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $b) (i32.const 9)))
        (local.set $c (i32.xor (local.get $c) (local.get $a)))
        (local.set $d (i32.xor (local.get $d) (local.get $b)))
        (local.set $b (i32.xor (local.get $b) (local.get $c)))
        (local.set $a (i32.xor (local.get $a) (local.get $d)))
        (local.set $c (i32.xor (local.get $c) (local.get $t)))
        (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
        ;; xoshiro128** step -> $hi
        (local.set $hi (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $b) (i32.const 9)))
        (local.set $c (i32.xor (local.get $c) (local.get $a)))
        (local.set $d (i32.xor (local.get $d) (local.get $b)))
        (local.set $b (i32.xor (local.get $b) (local.get $c)))
        (local.set $a (i32.xor (local.get $a) (local.get $d)))
        (local.set $c (i32.xor (local.get $c) (local.get $t)))
        (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
        (local.set $idx (i32.and (local.get $lo) (i32.const 255)))
        (local.set $off (i32.shl (local.get $idx) (i32.const 3)))
        (local.set $rabs (f64.convert_i64_s
          (i64.or
            (i64.shl (i64.extend_i32_u (i32.and (local.get $hi) (i32.const 0x1fffffff))) (i64.const 23))
            (i64.extend_i32_u (i32.shr_u (local.get $lo) (i32.const 9))))))
        (local.set $x (f64.mul (local.get $rabs) (f64.load offset=2112 (local.get $off))))
        ;; sign from bit 8, branch-free: x * (1 - ((lo >>> 7) & 2)) is exactly x or -x
        (local.set $x (f64.mul (local.get $x)
          (f64.convert_i32_s (i32.sub (i32.const 1) (i32.and (i32.shr_u (local.get $lo) (i32.const 7)) (i32.const 2))))))
        (if (f64.lt (local.get $rabs) (f64.load offset=64 (local.get $off)))
          (then
            (f64.store (local.get $p) (f64.add (local.get $loc) (f64.mul (local.get $scale) (local.get $x))))
            (local.set $p (i32.add (local.get $p) (i32.const 8)))
            (br $loop)))
        (global.set $s0 (local.get $a)) (global.set $s1 (local.get $b)) (global.set $s2 (local.get $c)) (global.set $s3 (local.get $d))
        (local.set $v (call $normalSlow (local.get $lo) (local.get $idx) (local.get $x)))
        (local.set $a (global.get $s0)) (local.set $b (global.get $s1)) (local.set $c (global.get $s2)) (local.set $d (global.get $s3))
        (if (f64.eq (local.get $v) (local.get $v))
          (then
            (f64.store (local.get $p) (f64.add (local.get $loc) (f64.mul (local.get $scale) (local.get $v))))
            (local.set $p (i32.add (local.get $p) (i32.const 8)))))
        (br $loop)))
    (i32.store (i32.const 0) (local.get $a))
    (i32.store (i32.const 4) (local.get $b))
    (i32.store (i32.const 8) (local.get $c))
    (i32.store (i32.const 12) (local.get $d)))

  ;; the exponential ziggurat's slow path (as exponential.ts); NaN means "draw a new pair"
  (func $exponentialSlow (param $idx i32) (param $x f64) (result f64)
    (local $off i32)
    (if (i32.eqz (local.get $idx))
      (then (return (f64.sub (f64.const 7.6971174701310497) (call $log (f64.sub (f64.const 1) (call $double)))))))
    (local.set $off (i32.shl (local.get $idx) (i32.const 3)))
    (if (result f64)
      (f64.lt
        (f64.add
          (f64.mul
            (f64.sub (f64.load offset=10296 (local.get $off)) (f64.load offset=10304 (local.get $off)))
            (call $double))
          (f64.load offset=10304 (local.get $off)))
        (call $exp (f64.neg (local.get $x))))
      (then (local.get $x))
      (else (f64.const nan))))

  (func (export "exponential") (param $n i32) (param $scale f64)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $t i32) (local $lo i32) (local $hi i32) (local $p i32) (local $end i32) (local $idx i32) (local $off i32) (local $ri f64) (local $x f64) (local $v f64)
    (local.set $a (i32.load (i32.const 0)))
    (local.set $b (i32.load (i32.const 4)))
    (local.set $c (i32.load (i32.const 8)))
    (local.set $d (i32.load (i32.const 12)))
    (local.set $p (i32.const 16384))
    (local.set $end (i32.add (i32.const 16384) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $loop
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        ;; xoshiro128** step -> $lo
        (local.set $lo (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $b) (i32.const 9)))
        (local.set $c (i32.xor (local.get $c) (local.get $a)))
        (local.set $d (i32.xor (local.get $d) (local.get $b)))
        (local.set $b (i32.xor (local.get $b) (local.get $c)))
        (local.set $a (i32.xor (local.get $a) (local.get $d)))
        (local.set $c (i32.xor (local.get $c) (local.get $t)))
        (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
        ;; xoshiro128** step -> $hi
        (local.set $hi (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $b) (i32.const 9)))
        (local.set $c (i32.xor (local.get $c) (local.get $a)))
        (local.set $d (i32.xor (local.get $d) (local.get $b)))
        (local.set $b (i32.xor (local.get $b) (local.get $c)))
        (local.set $a (i32.xor (local.get $a) (local.get $d)))
        (local.set $c (i32.xor (local.get $c) (local.get $t)))
        (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
        (local.set $ri (f64.convert_i64_s
          (i64.or
            (i64.shl (i64.extend_i32_u (local.get $hi)) (i64.const 21))
            (i64.extend_i32_u (i32.shr_u (local.get $lo) (i32.const 11))))))
        (local.set $idx (i32.and (i32.shr_u (local.get $lo) (i32.const 3)) (i32.const 255)))
        (local.set $off (i32.shl (local.get $idx) (i32.const 3)))
        (local.set $x (f64.mul (local.get $ri) (f64.load offset=8256 (local.get $off))))
        (if (f64.lt (local.get $ri) (f64.load offset=6208 (local.get $off)))
          (then
            (f64.store (local.get $p) (f64.mul (local.get $scale) (local.get $x)))
            (local.set $p (i32.add (local.get $p) (i32.const 8)))
            (br $loop)))
        (global.set $s0 (local.get $a)) (global.set $s1 (local.get $b)) (global.set $s2 (local.get $c)) (global.set $s3 (local.get $d))
        (local.set $v (call $exponentialSlow (local.get $idx) (local.get $x)))
        (local.set $a (global.get $s0)) (local.set $b (global.get $s1)) (local.set $c (global.get $s2)) (local.set $d (global.get $s3))
        (if (f64.eq (local.get $v) (local.get $v))
          (then
            (f64.store (local.get $p) (f64.mul (local.get $scale) (local.get $v)))
            (local.set $p (i32.add (local.get $p) (i32.const 8)))))
        (br $loop)))
    (i32.store (i32.const 0) (local.get $a))
    (i32.store (i32.const 4) (local.get $b))
    (i32.store (i32.const 8) (local.get $c))
    (i32.store (i32.const 12) (local.get $d)))

  ;; Poisson by multiplication of uniforms, for lam < 10 (discrete.ts's fillPoisson; enlam = exp(-lam) from JS)
  (func (export "poissonMult") (param $n i32) (param $enlam f64)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $t i32) (local $lo i32) (local $hi i32) (local $p i32) (local $end i32) (local $k f64) (local $prod f64) (local $u f64)
    (local.set $a (i32.load (i32.const 0)))
    (local.set $b (i32.load (i32.const 4)))
    (local.set $c (i32.load (i32.const 8)))
    (local.set $d (i32.load (i32.const 12)))
    (local.set $p (i32.const 16384))
    (local.set $end (i32.add (i32.const 16384) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $loop
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $k (f64.const 0))
        (local.set $lo (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $b) (i32.const 9)))
        (local.set $c (i32.xor (local.get $c) (local.get $a)))
        (local.set $d (i32.xor (local.get $d) (local.get $b)))
        (local.set $b (i32.xor (local.get $b) (local.get $c)))
        (local.set $a (i32.xor (local.get $a) (local.get $d)))
        (local.set $c (i32.xor (local.get $c) (local.get $t)))
        (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
        (local.set $hi (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $b) (i32.const 9)))
        (local.set $c (i32.xor (local.get $c) (local.get $a)))
        (local.set $d (i32.xor (local.get $d) (local.get $b)))
        (local.set $b (i32.xor (local.get $b) (local.get $c)))
        (local.set $a (i32.xor (local.get $a) (local.get $d)))
        (local.set $c (i32.xor (local.get $c) (local.get $t)))
        (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
        (local.set $prod (f64.mul
          (f64.convert_i64_s
            (i64.or
              (i64.shl (i64.extend_i32_u (local.get $hi)) (i64.const 21))
              (i64.extend_i32_u (i32.shr_u (local.get $lo) (i32.const 11)))))
          (f64.const 0x1p-53)))
        (block $stop
          (loop $more
            (br_if $stop (i32.eqz (f64.gt (local.get $prod) (local.get $enlam))))
            (local.set $k (f64.add (local.get $k) (f64.const 1)))
        (local.set $lo (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $b) (i32.const 9)))
        (local.set $c (i32.xor (local.get $c) (local.get $a)))
        (local.set $d (i32.xor (local.get $d) (local.get $b)))
        (local.set $b (i32.xor (local.get $b) (local.get $c)))
        (local.set $a (i32.xor (local.get $a) (local.get $d)))
        (local.set $c (i32.xor (local.get $c) (local.get $t)))
        (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
        (local.set $hi (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $b) (i32.const 9)))
        (local.set $c (i32.xor (local.get $c) (local.get $a)))
        (local.set $d (i32.xor (local.get $d) (local.get $b)))
        (local.set $b (i32.xor (local.get $b) (local.get $c)))
        (local.set $a (i32.xor (local.get $a) (local.get $d)))
        (local.set $c (i32.xor (local.get $c) (local.get $t)))
        (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
        (local.set $u (f64.mul
          (f64.convert_i64_s
            (i64.or
              (i64.shl (i64.extend_i32_u (local.get $hi)) (i64.const 21))
              (i64.extend_i32_u (i32.shr_u (local.get $lo) (i32.const 11)))))
          (f64.const 0x1p-53)))
            (local.set $prod (f64.mul (local.get $prod) (local.get $u)))
            (br $more)))
        (f64.store (local.get $p) (local.get $k))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $loop)))
    (i32.store (i32.const 0) (local.get $a))
    (i32.store (i32.const 4) (local.get $b))
    (i32.store (i32.const 8) (local.get $c))
    (i32.store (i32.const 12) (local.get $d)))

  ;; binomial by inversion for n*min(p, 1-p) <= 30 (discrete.ts's BinomialSampler.inversion);
  ;; pp <= 0.5 is the probability used, flip != 0 returns nTrials - y
  (func (export "binomialInversion") (param $n i32) (param $nTrials f64) (param $pp f64) (param $q f64) (param $qn f64) (param $bound f64) (param $flip i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $t i32) (local $lo i32) (local $hi i32) (local $p i32) (local $end i32) (local $x f64) (local $px f64) (local $u f64)
    (local.set $a (i32.load (i32.const 0)))
    (local.set $b (i32.load (i32.const 4)))
    (local.set $c (i32.load (i32.const 8)))
    (local.set $d (i32.load (i32.const 12)))
    (local.set $p (i32.const 16384))
    (local.set $end (i32.add (i32.const 16384) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $loop
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $x (f64.const 0))
        (local.set $px (local.get $qn))
        (local.set $lo (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $b) (i32.const 9)))
        (local.set $c (i32.xor (local.get $c) (local.get $a)))
        (local.set $d (i32.xor (local.get $d) (local.get $b)))
        (local.set $b (i32.xor (local.get $b) (local.get $c)))
        (local.set $a (i32.xor (local.get $a) (local.get $d)))
        (local.set $c (i32.xor (local.get $c) (local.get $t)))
        (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
        (local.set $hi (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $b) (i32.const 9)))
        (local.set $c (i32.xor (local.get $c) (local.get $a)))
        (local.set $d (i32.xor (local.get $d) (local.get $b)))
        (local.set $b (i32.xor (local.get $b) (local.get $c)))
        (local.set $a (i32.xor (local.get $a) (local.get $d)))
        (local.set $c (i32.xor (local.get $c) (local.get $t)))
        (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
        (local.set $u (f64.mul
          (f64.convert_i64_s
            (i64.or
              (i64.shl (i64.extend_i32_u (local.get $hi)) (i64.const 21))
              (i64.extend_i32_u (i32.shr_u (local.get $lo) (i32.const 11)))))
          (f64.const 0x1p-53)))
        (block $stop
          (loop $more
            (br_if $stop (i32.eqz (f64.gt (local.get $u) (local.get $px))))
            (local.set $x (f64.add (local.get $x) (f64.const 1)))
            (if (f64.gt (local.get $x) (local.get $bound))
              (then
                (local.set $x (f64.const 0))
                (local.set $px (local.get $qn))
        (local.set $lo (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $b) (i32.const 9)))
        (local.set $c (i32.xor (local.get $c) (local.get $a)))
        (local.set $d (i32.xor (local.get $d) (local.get $b)))
        (local.set $b (i32.xor (local.get $b) (local.get $c)))
        (local.set $a (i32.xor (local.get $a) (local.get $d)))
        (local.set $c (i32.xor (local.get $c) (local.get $t)))
        (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
        (local.set $hi (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $b) (i32.const 9)))
        (local.set $c (i32.xor (local.get $c) (local.get $a)))
        (local.set $d (i32.xor (local.get $d) (local.get $b)))
        (local.set $b (i32.xor (local.get $b) (local.get $c)))
        (local.set $a (i32.xor (local.get $a) (local.get $d)))
        (local.set $c (i32.xor (local.get $c) (local.get $t)))
        (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
        (local.set $u (f64.mul
          (f64.convert_i64_s
            (i64.or
              (i64.shl (i64.extend_i32_u (local.get $hi)) (i64.const 21))
              (i64.extend_i32_u (i32.shr_u (local.get $lo) (i32.const 11)))))
          (f64.const 0x1p-53))))
              (else
                (local.set $u (f64.sub (local.get $u) (local.get $px)))
                (local.set $px (f64.div
                  (f64.mul (f64.mul (f64.add (f64.sub (local.get $nTrials) (local.get $x)) (f64.const 1)) (local.get $pp)) (local.get $px))
                  (f64.mul (local.get $x) (local.get $q))))))
            (br $more)))
        (if (local.get $flip) (then (local.set $x (f64.sub (local.get $nTrials) (local.get $x)))))
        (f64.store (local.get $p) (local.get $x))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $loop)))
    (i32.store (i32.const 0) (local.get $a))
    (i32.store (i32.const 4) (local.get $b))
    (i32.store (i32.const 8) (local.get $c))
    (i32.store (i32.const 12) (local.get $d)))

  ;; one standard normal drawn from the globals (for the gamma kernel's rare slow path)
  (func $normalG (result f64)
    (local $lo i32) (local $hi i32) (local $idx i32) (local $off i32) (local $rabs f64) (local $x f64) (local $v f64)
    (loop $retry
      (local.set $lo (call $next))
      (local.set $hi (call $next))
      (local.set $idx (i32.and (local.get $lo) (i32.const 255)))
      (local.set $off (i32.shl (local.get $idx) (i32.const 3)))
      (local.set $rabs (f64.convert_i64_s
        (i64.or
          (i64.shl (i64.extend_i32_u (i32.and (local.get $hi) (i32.const 0x1fffffff))) (i64.const 23))
          (i64.extend_i32_u (i32.shr_u (local.get $lo) (i32.const 9))))))
      (local.set $x (f64.mul (f64.mul (local.get $rabs) (f64.load offset=2112 (local.get $off)))
        (f64.convert_i32_s (i32.sub (i32.const 1) (i32.and (i32.shr_u (local.get $lo) (i32.const 7)) (i32.const 2))))))
      (if (f64.lt (local.get $rabs) (f64.load offset=64 (local.get $off))) (then (return (local.get $x))))
      (local.set $v (call $normalSlow (local.get $lo) (local.get $idx) (local.get $x)))
      (if (f64.eq (local.get $v) (local.get $v)) (then (return (local.get $v))))
      (br $retry))
    (unreachable))

  ;; Marsaglia–Tsang gamma for shape > 1 (gamma.ts), times scale; the normal's
  ;; fast path inline, its slow path and the log test through the globals
  (func (export "gamma") (param $n i32) (param $shape f64) (param $scale f64)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $t i32) (local $lo i32) (local $hi i32) (local $p i32) (local $end i32) (local $idx i32) (local $off i32) (local $rabs f64) (local $x f64) (local $v f64) (local $u f64) (local $x2 f64)
    (local $bb f64) (local $cc f64)
    (local.set $bb (f64.sub (local.get $shape) (f64.div (f64.const 1) (f64.const 3))))
    (local.set $cc (f64.div (f64.const 1) (f64.sqrt (f64.mul (f64.const 9) (local.get $bb)))))
    (local.set $a (i32.load (i32.const 0)))
    (local.set $b (i32.load (i32.const 4)))
    (local.set $c (i32.load (i32.const 8)))
    (local.set $d (i32.load (i32.const 12)))
    (local.set $p (i32.const 16384))
    (local.set $end (i32.add (i32.const 16384) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $loop
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        ;; x = standard normal, v = 1 + c x, until v > 0
        (loop $normal
        (local.set $lo (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $b) (i32.const 9)))
        (local.set $c (i32.xor (local.get $c) (local.get $a)))
        (local.set $d (i32.xor (local.get $d) (local.get $b)))
        (local.set $b (i32.xor (local.get $b) (local.get $c)))
        (local.set $a (i32.xor (local.get $a) (local.get $d)))
        (local.set $c (i32.xor (local.get $c) (local.get $t)))
        (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
        (local.set $hi (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $b) (i32.const 9)))
        (local.set $c (i32.xor (local.get $c) (local.get $a)))
        (local.set $d (i32.xor (local.get $d) (local.get $b)))
        (local.set $b (i32.xor (local.get $b) (local.get $c)))
        (local.set $a (i32.xor (local.get $a) (local.get $d)))
        (local.set $c (i32.xor (local.get $c) (local.get $t)))
        (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
          (local.set $idx (i32.and (local.get $lo) (i32.const 255)))
          (local.set $off (i32.shl (local.get $idx) (i32.const 3)))
          (local.set $rabs (f64.convert_i64_s
            (i64.or
              (i64.shl (i64.extend_i32_u (i32.and (local.get $hi) (i32.const 0x1fffffff))) (i64.const 23))
              (i64.extend_i32_u (i32.shr_u (local.get $lo) (i32.const 9))))))
          (local.set $x (f64.mul (f64.mul (local.get $rabs) (f64.load offset=2112 (local.get $off)))
            (f64.convert_i32_s (i32.sub (i32.const 1) (i32.and (i32.shr_u (local.get $lo) (i32.const 7)) (i32.const 2))))))
          (if (i32.eqz (f64.lt (local.get $rabs) (f64.load offset=64 (local.get $off))))
            (then
        (global.set $s0 (local.get $a)) (global.set $s1 (local.get $b)) (global.set $s2 (local.get $c)) (global.set $s3 (local.get $d))
              (local.set $v (call $normalSlow (local.get $lo) (local.get $idx) (local.get $x)))
              (if (f64.ne (local.get $v) (local.get $v)) (then (local.set $v (call $normalG))))
        (local.set $a (global.get $s0)) (local.set $b (global.get $s1)) (local.set $c (global.get $s2)) (local.set $d (global.get $s3))
              (local.set $x (local.get $v))))
          (local.set $v (f64.add (f64.const 1) (f64.mul (local.get $cc) (local.get $x))))
          (br_if $normal (f64.le (local.get $v) (f64.const 0))))
        (local.set $v (f64.mul (f64.mul (local.get $v) (local.get $v)) (local.get $v)))
        (local.set $lo (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $b) (i32.const 9)))
        (local.set $c (i32.xor (local.get $c) (local.get $a)))
        (local.set $d (i32.xor (local.get $d) (local.get $b)))
        (local.set $b (i32.xor (local.get $b) (local.get $c)))
        (local.set $a (i32.xor (local.get $a) (local.get $d)))
        (local.set $c (i32.xor (local.get $c) (local.get $t)))
        (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
        (local.set $hi (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $b) (i32.const 9)))
        (local.set $c (i32.xor (local.get $c) (local.get $a)))
        (local.set $d (i32.xor (local.get $d) (local.get $b)))
        (local.set $b (i32.xor (local.get $b) (local.get $c)))
        (local.set $a (i32.xor (local.get $a) (local.get $d)))
        (local.set $c (i32.xor (local.get $c) (local.get $t)))
        (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
        (local.set $u (f64.mul
          (f64.convert_i64_s
            (i64.or
              (i64.shl (i64.extend_i32_u (local.get $hi)) (i64.const 21))
              (i64.extend_i32_u (i32.shr_u (local.get $lo) (i32.const 11)))))
          (f64.const 0x1p-53)))
        (local.set $x2 (f64.mul (local.get $x) (local.get $x)))
        ;; the squeeze, then (rarely) the log test
        (if (f64.lt (local.get $u) (f64.sub (f64.const 1) (f64.mul (f64.mul (f64.const 0.0331) (local.get $x2)) (local.get $x2))))
          (then
            (f64.store (local.get $p) (f64.mul (local.get $scale) (f64.mul (local.get $bb) (local.get $v))))
            (local.set $p (i32.add (local.get $p) (i32.const 8)))
            (br $loop)))
        (if (f64.lt (call $log (local.get $u))
              (f64.add (f64.mul (f64.const 0.5) (local.get $x2))
                (f64.mul (local.get $bb) (f64.add (f64.sub (f64.const 1) (local.get $v)) (call $log (local.get $v))))))
          (then
            (f64.store (local.get $p) (f64.mul (local.get $scale) (f64.mul (local.get $bb) (local.get $v))))
            (local.set $p (i32.add (local.get $p) (i32.const 8)))))
        (br $loop)))
    (i32.store (i32.const 0) (local.get $a))
    (i32.store (i32.const 4) (local.get $b))
    (i32.store (i32.const 8) (local.get $c))
    (i32.store (i32.const 12) (local.get $d)))

  ;; PCG64 (XSL-RR 128/64, numpy's default) block fill: n 64-bit outputs as
  ;; (low, high) word pairs at 16384. State at 16: state low, state high,
  ;; increment low, increment high (4 x i64), read at entry, written at exit.
  (func $mulhi (param $x i64) (param $y i64) (result i64)
    (local $x0 i64) (local $x1 i64) (local $y0 i64) (local $y1 i64) (local $p01 i64) (local $p10 i64) (local $mid i64)
    (local.set $x0 (i64.and (local.get $x) (i64.const 0xffffffff)))
    (local.set $x1 (i64.shr_u (local.get $x) (i64.const 32)))
    (local.set $y0 (i64.and (local.get $y) (i64.const 0xffffffff)))
    (local.set $y1 (i64.shr_u (local.get $y) (i64.const 32)))
    (local.set $p01 (i64.mul (local.get $x0) (local.get $y1)))
    (local.set $p10 (i64.mul (local.get $x1) (local.get $y0)))
    (local.set $mid (i64.add
      (i64.add (i64.shr_u (i64.mul (local.get $x0) (local.get $y0)) (i64.const 32)) (i64.and (local.get $p01) (i64.const 0xffffffff)))
      (i64.and (local.get $p10) (i64.const 0xffffffff))))
    (i64.add
      (i64.add (i64.mul (local.get $x1) (local.get $y1)) (i64.shr_u (local.get $p01) (i64.const 32)))
      (i64.add (i64.shr_u (local.get $p10) (i64.const 32)) (i64.shr_u (local.get $mid) (i64.const 32)))))

  (func (export "pcg64Fill") (param $n i32)
    (local $slo i64) (local $shi i64) (local $ilo i64) (local $ihi i64) (local $lo i64) (local $hi i64) (local $p i32) (local $end i32)
    (local.set $slo (i64.load (i32.const 16)))
    (local.set $shi (i64.load (i32.const 24)))
    (local.set $ilo (i64.load (i32.const 32)))
    (local.set $ihi (i64.load (i32.const 40)))
    (local.set $p (i32.const 16384))
    (local.set $end (i32.add (i32.const 16384) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $loop
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        ;; state = state * M + inc (mod 2^128), M = 0x2360ED051FC65DA4_4385DF649FCCF645
        (local.set $hi (i64.add
          (call $mulhi (local.get $slo) (i64.const 0x4385DF649FCCF645))
          (i64.add
            (i64.mul (local.get $slo) (i64.const 0x2360ED051FC65DA4))
            (i64.mul (local.get $shi) (i64.const 0x4385DF649FCCF645)))))
        (local.set $lo (i64.add (i64.mul (local.get $slo) (i64.const 0x4385DF649FCCF645)) (local.get $ilo)))
        (local.set $shi (i64.add (i64.add (local.get $hi) (local.get $ihi))
          (i64.extend_i32_u (i64.lt_u (local.get $lo) (local.get $ilo)))))
        (local.set $slo (local.get $lo))
        ;; XSL-RR output: (hi ^ lo) rotated right by hi >> 58
        (i64.store (local.get $p)
          (i64.rotr (i64.xor (local.get $shi) (local.get $slo)) (i64.shr_u (local.get $shi) (i64.const 58))))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $loop)))
    (i64.store (i32.const 16) (local.get $slo))
    (i64.store (i32.const 24) (local.get $shi)))

  ;; e^x as src/random/exp.ts computes it, operation for operation (same results)
  (func $expFast (param $x f64) (result f64)
    (local $ax f64) (local $kd f64) (local $r f64) (local $k i32) (local $j i32) (local $scale f64) (local $r2 f64) (local $tmp f64)
    (local.set $ax (f64.abs (local.get $x)))
    (if (i32.or (i32.eqz (f64.lt (local.get $ax) (f64.const 512))) (f64.lt (local.get $ax) (f64.const 5.551115123125783e-17)))
      (then (return (call $exp (local.get $x)))))
    (local.set $kd (f64.add (f64.mul (f64.const 184.6649652337873) (local.get $x)) (f64.const 6755399441055744)))
    (local.set $kd (f64.sub (local.get $kd) (f64.const 6755399441055744)))
    (local.set $r (f64.add
      (f64.add (local.get $x) (f64.mul (local.get $kd) (f64.const -0.005415212348111709)))
      (f64.mul (local.get $kd) (f64.const -1.2864023111638346e-14))))
    (local.set $k (i32.trunc_f64_s (local.get $kd)))
    (local.set $j (i32.shl (i32.and (local.get $k) (i32.const 127)) (i32.const 3)))
    ;; H[j] * 2^(k >> 7), the power of two built from its bits (exact)
    (local.set $scale (f64.mul (f64.load offset=12352 (local.get $j))
      (f64.reinterpret_i64 (i64.shl (i64.extend_i32_s (i32.add (i32.shr_s (local.get $k) (i32.const 7)) (i32.const 1023))) (i64.const 52)))))
    (local.set $r2 (f64.mul (local.get $r) (local.get $r)))
    (local.set $tmp (f64.add
      (f64.add
        (f64.add (f64.load offset=13376 (local.get $j)) (local.get $r))
        (f64.mul (local.get $r2) (f64.add (f64.const 0.49999999999996786) (f64.mul (local.get $r) (f64.const 0.16666666666665886)))))
      (f64.mul (f64.mul (local.get $r2) (local.get $r2))
        (f64.add (f64.const 0.0416666808410674) (f64.mul (local.get $r) (f64.const 0.008333335853059549))))))
    (f64.add (local.get $scale) (f64.mul (local.get $scale) (local.get $tmp))))

  ;; lognormal: exp(mean + sigma * N(0, 1)), the normal kernel then expFast in place
  (func (export "lognormal") (param $n i32) (param $mean f64) (param $sigma f64)
    (local $p i32) (local $end i32)
    (call $normalK (local.get $n) (local.get $mean) (local.get $sigma))
    (local.set $p (i32.const 16384))
    (local.set $end (i32.add (i32.const 16384) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $loop
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (f64.store (local.get $p) (call $expFast (f64.load (local.get $p))))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $loop))))
)
