/**
 * Merges of slot-sorted posting runs for the candidate pool. A run is a pair of arrays (slots
 * ascending, weights); a list is a posting list with one constant weight. Each function writes into
 * the output arrays and returns the output length.
 */

/** A posting list with the weight all its slots get. */
export type List = { data: Int32Array; length: number; w: number }

// These merges are written out rather than parameterised by a combining function: a callback in
// the inner loop costs several times the merge itself.

/** Run a ∪ list b (constant weight), weights added, into o; returns the length of o. */
export function addConstant(
  as: Int32Array,
  aw: Float32Array,
  al: number,
  b: List,
  os: Int32Array,
  ow: Float32Array,
): number {
  const bs = b.data
  const bl = b.length
  const w = b.w
  let i = 0
  let j = 0
  let k = 0
  while (i < al && j < bl) {
    const x = as[i]!
    const y = bs[j]!
    if (x < y) {
      os[k] = x
      ow[k++] = aw[i++]!
    } else {
      os[k] = y
      ow[k++] = x === y ? aw[i++]! + w : w
      j++
    }
  }
  while (i < al) {
    os[k] = as[i]!
    ow[k++] = aw[i++]!
  }
  while (j < bl) {
    os[k] = bs[j++]!
    ow[k++] = w
  }
  return k
}

/** A list with its constant weight written out. */
export function copyConstant(a: List, os: Int32Array, ow: Float32Array): number {
  os.set(a.data.subarray(0, a.length))
  ow.fill(a.w, 0, a.length)
  return a.length
}

/**
 * Total run t plus this word: the word's weight of a slot is the larger of its weight in run r and in
 * list b (constant weight). One pass over all three, writing each slot once.
 */
export function addMax(
  ts: Int32Array,
  tw: Float32Array,
  tl: number,
  rs: Int32Array,
  rw: Float32Array,
  rl: number,
  b: List,
  os: Int32Array,
  ow: Float32Array,
): number {
  const bs = b.data
  const bl = b.length
  const w = b.w
  const END = 0x7fffffff
  let i = 0
  let j = 0
  let l = 0
  let k = 0
  let x = tl > 0 ? ts[0]! : END
  let y = rl > 0 ? rs[0]! : END
  let z = bl > 0 ? bs[0]! : END
  while (x !== END || y !== END || z !== END) {
    const s = Math.min(x, y, z)
    let word = 0
    if (y === s) {
      word = rw[j]!
      y = ++j < rl ? rs[j]! : END
    }
    if (z === s) {
      word = Math.max(word, w)
      z = ++l < bl ? bs[l]! : END
    }
    let v = word
    if (x === s) {
      v += tw[i]!
      x = ++i < tl ? ts[i]! : END
    }
    os[k] = s
    ow[k++] = v
  }
  return k
}

/** Two lists of constant weights, a slot in both keeping the larger weight, into o. */
export function maxTwoConstant(a: List, b: List, os: Int32Array, ow: Float32Array): number {
  const as = a.data
  const al = a.length
  const aw = a.w
  const bs = b.data
  const bl = b.length
  const bw = b.w
  const both = Math.max(aw, bw)
  let i = 0
  let j = 0
  let k = 0
  while (i < al && j < bl) {
    const x = as[i]!
    const y = bs[j]!
    if (x < y) {
      os[k] = x
      ow[k++] = aw
      i++
    } else if (y < x) {
      os[k] = y
      ow[k++] = bw
      j++
    } else {
      os[k] = x
      ow[k++] = both
      i++
      j++
    }
  }
  while (i < al) {
    os[k] = as[i++]!
    ow[k++] = aw
  }
  while (j < bl) {
    os[k] = bs[j++]!
    ow[k++] = bw
  }
  return k
}

/** Like `addConstant`, but a slot in both keeps the larger weight. */
export function maxConstant(
  as: Int32Array,
  aw: Float32Array,
  al: number,
  b: List,
  os: Int32Array,
  ow: Float32Array,
): number {
  const bs = b.data
  const bl = b.length
  const w = b.w
  let i = 0
  let j = 0
  let k = 0
  while (i < al && j < bl) {
    const x = as[i]!
    const y = bs[j]!
    if (x < y) {
      os[k] = x
      ow[k++] = aw[i++]!
    } else {
      os[k] = y
      if (x === y) {
        const v = aw[i++]!
        ow[k++] = Math.max(v, w)
      } else ow[k++] = w
      j++
    }
  }
  while (i < al) {
    os[k] = as[i]!
    ow[k++] = aw[i++]!
  }
  while (j < bl) {
    os[k] = bs[j++]!
    ow[k++] = w
  }
  return k
}

/**
 * Run t plus one word, in place, for the slots already in t only: each gets the best weight among the word's lists
 * that hold it. Each list is searched forward from where the last slot was found (galloping), so a list of 50,000
 * costs a few steps per slot of t rather than a pass over it. `lists` come shortest first, and the weights add up
 * exactly as the merges above would: every list's weight but the last's is first stored as a float.
 */
export function addWithin(ts: Int32Array, tw: Float32Array, tl: number, lists: readonly List[]): void {
  const at = new Int32Array(lists.length)
  const weights = lists.map((l, j) => (j === lists.length - 1 ? l.w : Math.fround(l.w)))
  for (let i = 0; i < tl; i++) {
    const s = ts[i]!
    let word = 0
    for (let j = 0; j < lists.length; j++) {
      const list = lists[j]!
      const found = gallop(list.data, list.length, at[j]!, s)
      at[j] = found
      if (found < list.length && list.data[found] === s && weights[j]! > word) word = weights[j]!
    }
    if (word > 0) tw[i] = word + tw[i]!
  }
}

/** The first index at or after `from` whose slot is at least `s` (`length` if none). */
function gallop(data: Int32Array, length: number, from: number, s: number): number {
  if (from >= length || data[from]! >= s) return from
  let low = from
  let step = 1
  while (low + step < length && data[low + step]! < s) {
    low += step
    step *= 2
  }
  let high = Math.min(low + step, length)
  // data[low] < s, and data[high] >= s or high = length
  while (high - low > 1) {
    const mid = (low + high) >>> 1
    if (data[mid]! < s) low = mid
    else high = mid
  }
  return high
}
