/**
 * The future event list, in (time, priority, sequence) order; the sequence number breaks ties
 * first-in-first-out, so runs are deterministic. Events are plain integers
 * (a kind and a payload) kept in typed arrays: scheduling and popping allocate nothing once the
 * arrays have grown to the peak number of pending events.
 *
 * Two tiers, so the heap stays small: only events of the current time bucket (bucket k holds
 * times t with floor(t / width) = k) are in the heap; later ones wait unsorted in a ring of
 * bucket lists (an overflow list beyond the ring) and move into the heap when their bucket
 * becomes current. Every heap event is earlier than every waiting one, so events come out in
 * exactly the order of one heap. The width follows the event density (about `BUCKET_EVENTS`
 * dispatches per bucket): the heap then holds a few events instead of hundreds (on the standard
 * workload about 370 service ends are pending at once), and removing its root sifts through a
 * few levels instead of nine.
 *
 * Cancellation removes the event at once (from the heap, each slot knowing its heap position, or
 * from its bucket list). A cancelled event left in place until its time would be popped like a
 * live one; on the standard workload most patience timers are cancelled (the contact is answered
 * first), so they made about 14 % of the pops.
 */
export interface EventHandler {
  /**
   * Called for each event in (time, priority, sequence) order; the event's time is
   * `calendar.now`. (Not passed as an argument: a double crossing a call that is not inlined is
   * boxed on the heap, and the hot loop allocates nothing.)
   */
  handle(kind: number, payload: number): void;
}

/** Priorities are small integers; lower runs first among events at the same time. */
export const MIN_PRIORITY = -1024;
export const MAX_PRIORITY = 1023;
const PRIORITY_OFFSET = 1024;
const SEQ_SPAN = 2 ** 42; // (priority + offset) * 2^42 + seq stays below 2^53: exact in a double
const SLOT_BITS = 24;
const SLOT_MASK = (1 << SLOT_BITS) - 1;
/** Generations take the 7 bits above the slot, so a handle is always a non-negative int32. */
const GENERATION_MASK = 0x7f;
/** Buckets in the ring (a power of two); later events wait in the overflow list. */
const RING = 1024;
const RING_MASK = RING - 1;
/** The overflow list's head, after the ring's in `bucketHead`. */
const OVERFLOW = RING;
/** Bucket numbers stay below this (int32 arithmetic); past it every event goes to the heap. */
const MAX_BUCKET = 2 ** 30;
/** Target dispatches per bucket; the width is re-estimated every `ADAPT_EVERY` dispatches. */
const BUCKET_EVENTS = 8;
const ADAPT_EVERY = 256;

export class EventCalendar {
  /** The current time lives in a typed array: a double field would box a new number per event. */
  private readonly clock = new Float64Array(1);
  /** The time of the event being scheduled, on its way from `schedule` to `push`. */
  private readonly pendingTime = new Float64Array(1);
  /** [1 / bucket width, time of the last width estimate]. */
  private readonly bucketing = new Float64Array([1, 0]);

  /** Current simulation time, seconds. */
  get now(): number {
    return this.clock[0]!;
  }

  /**
   * The heap holds only (time, slot): the tie-breaking key (priority, sequence) lives with the
   * slot and is read only when two times are equal, which is rare, so each level of a sift moves
   * two arrays instead of three.
   */
  private heapTime: Float64Array;
  private heapSlot: Int32Array;
  private size = 0;
  /** The root has been dispatched but not yet removed: the next schedule() replaces it in place, slot included. */
  private rootTaken = false;

  private slotKind: Int32Array;
  private slotPayload: Int32Array;
  /** (priority + offset) * 2^42 + sequence of the event in the slot: the order among equal times. */
  private slotKey: Float64Array;
  private slotGeneration: Uint32Array;
  /** Where the slot's event sits in the heap (kept up to date by every sift), or -1: in a bucket list. */
  private slotPos: Int32Array;
  /** Time of an event waiting in a bucket list (the heap keeps the times of its own). */
  private slotTime: Float64Array;
  /** Bucket list links and the list a waiting event is in (ring index, or OVERFLOW). */
  private slotNext: Int32Array;
  private slotPrev: Int32Array;
  private slotList: Int32Array;
  /** Heads of the ring's bucket lists, then the overflow list's. */
  private readonly bucketHead = new Int32Array(RING + 1).fill(-1);
  /** Events in the ring's lists and in the overflow list. */
  private ringCount = 0;
  private overflowCount = 0;
  /** The current bucket: the heap holds exactly the pending events of buckets <= `current`. */
  private current = 0;
  /** The ring holds buckets current+1 .. ringEnd-1 (ringEnd - current - 1 <= RING); the overflow list the rest. */
  private ringEnd = RING;
  /** Past MAX_BUCKET: bucketing is off and every event goes to the heap. */
  private unbucketed = false;
  private dispatchedSinceAdapt = 0;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private slotCount = 0;
  private seq = 0;
  private stopped = false;

  constructor(initialCapacity = 1024) {
    const cap = Math.max(16, initialCapacity);
    this.heapTime = new Float64Array(cap);
    this.heapSlot = new Int32Array(cap);
    this.slotKind = new Int32Array(cap);
    this.slotPayload = new Int32Array(cap);
    this.slotKey = new Float64Array(cap);
    this.slotGeneration = new Uint32Array(cap);
    this.slotPos = new Int32Array(cap);
    this.slotTime = new Float64Array(cap);
    this.slotNext = new Int32Array(cap);
    this.slotPrev = new Int32Array(cap);
    this.slotList = new Int32Array(cap);
    this.freeSlots = new Int32Array(cap);
  }

  /** Number of pending events. */
  get pending(): number {
    return (this.rootTaken ? this.size - 1 : this.size) + this.ringCount + this.overflowCount;
  }

  /**
   * Schedule an event at absolute `time` (>= now). Returns a handle for `cancel` (an int32 >= 0,
   * so -1 can mean "none"), valid until the event is dispatched or cancelled.
   *
   * Kept tiny so the JIT always inlines it: the time goes through a typed array to `push`, because
   * a number passed to a call that is not inlined is boxed on the heap.
   */
  schedule(time: number, kind: number, payload: number, priority = 0): number {
    this.pendingTime[0] = time;
    return this.push(kind, payload, priority);
  }

  private push(kind: number, payload: number, priority: number): number {
    const time = this.pendingTime[0]!;
    const bucket = Math.floor(time * this.bucketing[0]!);
    if (bucket > this.current && !this.unbucketed) {
      const slot = this.allocSlot();
      this.fill(slot, kind, payload, priority);
      this.slotTime[slot] = time;
      this.slotPos[slot] = -1;
      this.link(slot, bucket < this.ringEnd ? bucket & RING_MASK : OVERFLOW);
      return (this.slotGeneration[slot]! << SLOT_BITS) | slot;
    }
    // The first event a handler schedules into the heap takes the dispatched event's place and
    // its slot (whose generation was bumped when it was dispatched): no trip through the free list.
    const taken = this.rootTaken;
    const slot = taken ? this.heapSlot[0]! : this.allocSlot();
    this.fill(slot, kind, payload, priority);
    if (taken) {
      this.rootTaken = false;
      this.siftDown(0, time, slot);
    } else this.heapInsert(time, slot);
    return (this.slotGeneration[slot]! << SLOT_BITS) | slot;
  }

  private fill(slot: number, kind: number, payload: number, priority: number): void {
    this.slotKind[slot] = kind;
    this.slotPayload[slot] = payload;
    this.slotKey[slot] = (priority + PRIORITY_OFFSET) * SEQ_SPAN + this.seq++;
  }

  private heapInsert(time: number, slot: number): void {
    if (this.size === this.heapTime.length) this.growHeap();
    this.siftUp(this.size++, time, slot);
  }

  /** Add a waiting event to bucket list `list` (a ring index, or OVERFLOW). */
  private link(slot: number, list: number): void {
    const head = this.bucketHead[list]!;
    this.slotList[slot] = list;
    this.slotPrev[slot] = -1;
    this.slotNext[slot] = head;
    if (head >= 0) this.slotPrev[head] = slot;
    this.bucketHead[list] = slot;
    if (list === OVERFLOW) this.overflowCount++;
    else this.ringCount++;
  }

  private unlink(slot: number): void {
    const list = this.slotList[slot]!;
    const prev = this.slotPrev[slot]!;
    const next = this.slotNext[slot]!;
    if (prev >= 0) this.slotNext[prev] = next;
    else this.bucketHead[list] = next;
    if (next >= 0) this.slotPrev[next] = prev;
    if (list === OVERFLOW) this.overflowCount--;
    else this.ringCount--;
  }

  /**
   * The heap is empty: make the next bucket holding events current and move its events into the
   * heap. False when no event is left.
   */
  private refill(): boolean {
    for (;;) {
      if (this.ringCount === 0) {
        if (this.overflowCount === 0) return false;
        // Nothing in the ring: skip straight to the overflow list's first bucket.
        let first = Infinity;
        const inv = this.bucketing[0]!;
        for (let s = this.bucketHead[OVERFLOW]!; s >= 0; s = this.slotNext[s]!) first = Math.min(first, Math.floor(this.slotTime[s]! * inv));
        if (!(first < MAX_BUCKET - 2 * RING)) {
          this.unbucket();
          return true;
        }
        if (first - 1 > this.current) this.current = first - 1;
      }
      const current = ++this.current;
      if (current >= MAX_BUCKET - 2 * RING) {
        this.unbucket();
        return true;
      }
      if (current + RING / 2 >= this.ringEnd) this.extendRing();
      const list = current & RING_MASK;
      let s = this.bucketHead[list]!;
      if (s < 0) continue;
      this.bucketHead[list] = -1;
      while (s >= 0) {
        const next = this.slotNext[s]!;
        this.ringCount--;
        this.heapInsert(this.slotTime[s]!, s);
        s = next;
      }
      return true;
    }
  }

  /** Move overflow events of buckets below current + RING into the ring. */
  private extendRing(): void {
    const end = this.current + RING;
    this.ringEnd = end;
    const inv = this.bucketing[0]!;
    let s = this.bucketHead[OVERFLOW]!;
    while (s >= 0) {
      const next = this.slotNext[s]!;
      const bucket = Math.floor(this.slotTime[s]! * inv);
      if (bucket < end) {
        this.unlink(s);
        this.link(s, bucket & RING_MASK);
      }
      s = next;
    }
  }

  /** Bucket numbers would overflow int32 arithmetic: from now on the heap holds every event. */
  private unbucket(): void {
    this.unbucketed = true;
    const n = this.drainLists();
    for (let k = 0; k < n; k++) {
      const s = this.freeSlots[this.freeCount + k]!;
      this.heapInsert(this.slotTime[s]!, s);
    }
  }

  /**
   * Take every waiting event out of the bucket lists; returns their number n, their slots parked
   * in freeSlots[freeCount .. freeCount + n) (free and waiting slots are disjoint, so they fit).
   */
  private drainLists(): number {
    const parked = this.freeSlots;
    let n = this.freeCount;
    for (let list = 0; list <= OVERFLOW; list++) {
      let s = this.bucketHead[list]!;
      this.bucketHead[list] = -1;
      while (s >= 0) {
        parked[n++] = s;
        s = this.slotNext[s]!;
      }
    }
    this.ringCount = 0;
    this.overflowCount = 0;
    return n - this.freeCount;
  }

  /**
   * Every ADAPT_EVERY dispatches: re-estimate the bucket width from the time they took, and if it
   * is off by more than 2x, re-bucket the waiting events. Called with the root not taken. Which
   * events sit in the heap changes, never their order.
   */
  private adapt(): void {
    this.dispatchedSinceAdapt = 0;
    const now = this.clock[0]!;
    const span = now - this.bucketing[1]!;
    this.bucketing[1] = now;
    if (this.unbucketed || !(span > 0)) return;
    const width = (span / ADAPT_EVERY) * BUCKET_EVENTS;
    const old = 1 / this.bucketing[0]!;
    if (width < 2 * old && width > 0.5 * old) return;
    const inv = 1 / width;
    if (!(Math.floor(now * inv) < MAX_BUCKET / 2)) return;
    this.bucketing[0] = inv;
    // The heap's events must stay in buckets <= current: the new current bucket is the latest of
    // theirs (or now's); waiting events that fall into it join the heap.
    let current = Math.floor(now * inv);
    const ht = this.heapTime;
    for (let i = 0; i < this.size; i++) current = Math.max(current, Math.floor(ht[i]! * inv));
    this.current = current;
    this.ringEnd = current + RING;
    const n = this.drainLists();
    for (let k = 0; k < n; k++) {
      const s = this.freeSlots[this.freeCount + k]!;
      const time = this.slotTime[s]!;
      const bucket = Math.floor(time * inv);
      if (bucket <= current) this.heapInsert(time, s);
      else this.link(s, bucket < this.ringEnd ? bucket & RING_MASK : OVERFLOW);
    }
  }

  /** Cancel a pending event by its handle; a stale handle is ignored. */
  cancel(handle: number): void {
    const slot = handle & SLOT_MASK;
    if (slot < this.slotCount && this.slotGeneration[slot] === handle >>> SLOT_BITS) {
      const pos = this.slotPos[slot]!;
      if (pos >= 0) this.removeAt(pos);
      else this.unlink(slot);
      this.releaseSlot(slot);
    }
  }

  /**
   * Remove the event at heap position `index` (> 0 while the root is taken: the dispatched
   * event's slot was released, so no handle reaches it). The last event fills the gap and moves
   * up or down. A taken root still holds the dispatched event, which is <= every pending one, so
   * a sift up may compare with it and stops below it.
   */
  private removeAt(index: number): void {
    const last = --this.size;
    if (index === last) return;
    const time = this.heapTime[last]!;
    const slot = this.heapSlot[last]!;
    if (index > 0) {
      const parent = (index - 1) >> 1;
      const pt = this.heapTime[parent]!;
      if (time < pt || (time === pt && this.slotKey[slot]! < this.slotKey[this.heapSlot[parent]!]!)) {
        this.siftUp(index, time, slot);
        return;
      }
    }
    this.siftDown(index, time, slot);
  }

  /** Ask `run` to return after the current event. */
  stop(): void {
    this.stopped = true;
  }

  /**
   * Dispatch events in order while their time is <= `until` (default: until none is left or
   * `stop()` is called). Leaves `now` at the last dispatched event's time.
   */
  run(handler: EventHandler, until = Infinity): void {
    this.stopped = false;
    for (;;) {
      if (this.rootTaken) this.removeRoot();
      if (this.stopped) return;
      if (++this.dispatchedSinceAdapt === ADAPT_EVERY) this.adapt();
      if (this.size === 0 && !this.refill()) return;
      const time = this.heapTime[0]!;
      if (time > until) return;
      const slot = this.heapSlot[0]!;
      this.rootTaken = true;
      // Its handle goes stale now; the slot itself is freed by removeRoot, or reused by push.
      this.bumpGeneration(slot);
      this.clock[0] = time;
      handler.handle(this.slotKind[slot]!, this.slotPayload[slot]!);
    }
  }

  /** Time of the next pending event, or Infinity when none is left. */
  peekTime(): number {
    if (this.rootTaken) this.removeRoot();
    return this.size === 0 && !this.refill() ? Infinity : this.heapTime[0]!;
  }

  private removeRoot(): void {
    this.rootTaken = false;
    this.freeSlots[this.freeCount++] = this.heapSlot[0]!;
    const last = --this.size;
    if (last > 0) this.siftDown(0, this.heapTime[last]!, this.heapSlot[last]!);
  }

  private siftUp(index: number, time: number, slot: number): void {
    const ht = this.heapTime;
    const hs = this.heapSlot;
    const sk = this.slotKey;
    const pos = this.slotPos;
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = ht[parent]!;
      const ps = hs[parent]!;
      if (pt < time || (pt === time && sk[ps]! < sk[slot]!)) break;
      ht[i] = pt;
      hs[i] = ps;
      pos[ps] = i;
      i = parent;
    }
    ht[i] = time;
    hs[i] = slot;
    pos[slot] = i;
  }

  private siftDown(index: number, time: number, slot: number): void {
    const ht = this.heapTime;
    const hs = this.heapSlot;
    const sk = this.slotKey;
    const pos = this.slotPos;
    const n = this.size;
    let i = index;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let ct = ht[child]!;
      const right = child + 1;
      if (right < n) {
        const rt = ht[right]!;
        // Keys (priority, sequence) are read only on a tie in time, which is rare.
        if (rt < ct || (rt === ct && sk[hs[right]!]! < sk[hs[child]!]!)) {
          child = right;
          ct = rt;
        }
      }
      const cs = hs[child]!;
      if (time < ct || (time === ct && sk[slot]! < sk[cs]!)) break;
      ht[i] = ct;
      hs[i] = cs;
      pos[cs] = i;
      i = child;
    }
    ht[i] = time;
    hs[i] = slot;
    pos[slot] = i;
  }

  private allocSlot(): number {
    if (this.freeCount > 0) return this.freeSlots[--this.freeCount]!;
    if (this.slotCount === this.slotKind.length) this.growSlots();
    return this.slotCount++;
  }

  private releaseSlot(slot: number): void {
    this.bumpGeneration(slot);
    this.freeSlots[this.freeCount++] = slot;
  }

  private bumpGeneration(slot: number): void {
    this.slotGeneration[slot] = (this.slotGeneration[slot]! + 1) & GENERATION_MASK;
  }

  private growHeap(): void {
    const cap = this.heapTime.length * 2;
    this.heapTime = grow(this.heapTime, new Float64Array(cap));
    this.heapSlot = grow(this.heapSlot, new Int32Array(cap));
  }

  private growSlots(): void {
    const cap = this.slotKind.length * 2;
    if (cap > SLOT_MASK + 1) throw new RangeError('EventCalendar: more than 16M pending events');
    this.slotKind = grow(this.slotKind, new Int32Array(cap));
    this.slotPayload = grow(this.slotPayload, new Int32Array(cap));
    this.slotKey = grow(this.slotKey, new Float64Array(cap));
    this.slotGeneration = grow(this.slotGeneration, new Uint32Array(cap));
    this.slotPos = grow(this.slotPos, new Int32Array(cap));
    this.slotTime = grow(this.slotTime, new Float64Array(cap));
    this.slotNext = grow(this.slotNext, new Int32Array(cap));
    this.slotPrev = grow(this.slotPrev, new Int32Array(cap));
    this.slotList = grow(this.slotList, new Int32Array(cap));
    this.freeSlots = grow(this.freeSlots, new Int32Array(cap));
  }
}

function grow<T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
