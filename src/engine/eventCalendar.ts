import { TypedLayout } from './typedLayout.js';

/**
 * What the calendar calls for each event: the model's dispatcher. An event is two integers, a
 * `kind` and a `payload`, whose meaning belongs to the caller (the calendar knows nothing of
 * contact centers).
 */
export interface EventHandler {
  /**
   * Called for each event in (time, priority, sequence) order; the event's time is
   * `calendar.now`, not an argument (see docs/architecture.md, Hot loop rules).
   */
  handle(kind: number, payload: number): void;
}

/** Priorities are small integers; lower runs first among events at the same time. */
export const MIN_PRIORITY = -1024;
export const MAX_PRIORITY = 1023;
const PRIORITY_OFFSET = 1024;
const SEQ_SPAN = 2 ** 42; // (priority + offset) * 2^42 + seq stays below 2^53: exact in a double
/** A handle is `generation * SLOT_SPAN + slot`: slots below 2^24 (16M pending events). */
const SLOT_SPAN = 2 ** 24;
/**
 * Generations a slot lives through before it is retired (never reused): the largest handle,
 * (2^29 - 1) * 2^24 + 2^24 - 1, stays below 2^53, so every handle is an exact whole number.
 */
const GENERATIONS = 2 ** 29;
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

/**
 * The future event list of one simulation, in (time, priority, sequence) order; the sequence
 * number breaks ties first-in-first-out, so runs are deterministic. Events are plain integers
 * (a kind and a payload) kept in typed arrays: scheduling, cancelling and dispatching allocate
 * nothing once the arrays have grown to the peak number of pending events. Times are in the
 * caller's unit (the model uses seconds); nothing here depends on the unit.
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
 *
 * Handles: a slot's generation goes up each time its event is dispatched or cancelled, and a
 * handle carries the whole generation, compared in full by `cancel`, so a handle outlives its
 * event harmlessly however often the slot is reused. A slot that has used up its generations is
 * retired instead of wrapping round.
 *
 * The rules this file keeps (no double crosses a call that may not be inlined, nothing allocated
 * per event): see docs/architecture.md, Hot loop rules.
 */
export class EventCalendar {
  /** The current time, in a typed array: a double field would box a new number per event. */
  private readonly clock = new Float64Array(1);
  /** The time of the event being scheduled, on its way from `schedule` to `push`. */
  private readonly pendingTime = new Float64Array(1);
  /** [1 / bucket width, time of the last width estimate]. */
  private readonly bucketing = new Float64Array([1, 0]);

  /**
   * Time of the event being dispatched (or of the last one dispatched), in the unit of the times
   * scheduled (the model's: seconds since the start of its warm-up); 0 before the first event.
   */
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
  /** Events the slot has held so far: the generation its next handle carries (a whole double). */
  private slotGeneration: Float64Array;
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

  /**
   * @param initialCapacity pending events the arrays hold before they first grow (they double
   *   as needed, up to 2^24); at least 16.
   */
  constructor(initialCapacity = 1024) {
    const cap = Math.max(16, initialCapacity);
    // The heap's arrays share one buffer, the slots' another (TypedLayout): a model makes a
    // calendar per replication.
    const heap = new TypedLayout(cap, 1, 1);
    this.heapTime = heap.f64();
    this.heapSlot = heap.i32();
    const slots = new TypedLayout(cap, 3, 7);
    this.slotKey = slots.f64();
    this.slotGeneration = slots.f64();
    this.slotTime = slots.f64();
    this.slotKind = slots.i32();
    this.slotPayload = slots.i32();
    this.slotPos = slots.i32();
    this.slotNext = slots.i32();
    this.slotPrev = slots.i32();
    this.slotList = slots.i32();
    this.freeSlots = slots.i32();
  }

  /** Number of pending events (scheduled, neither dispatched nor cancelled). */
  get pending(): number {
    return (this.rootTaken ? this.size - 1 : this.size) + this.ringCount + this.overflowCount;
  }

  /**
   * Schedule event (`kind`, `payload`) at absolute `time` (same unit as `now`, >= now), before
   * other events at that time with a higher `priority` (an integer in MIN_PRIORITY..MAX_PRIORITY;
   * default 0) and after those scheduled earlier with the same priority.
   *
   * @returns a handle for `cancel`: a whole number >= 0 (so -1 can mean "none"), below 2^53; a
   *   double, so keep it in a Float64Array. It matches this event only, even after the event is
   *   dispatched or cancelled and its slot reused.
   *
   * Kept tiny so the JIT always inlines it (docs/architecture.md, Hot loop rules): the time goes
   * to `push` through a typed array, and only the slot, an int, comes back.
   */
  schedule(time: number, kind: number, payload: number, priority = 0): number {
    this.pendingTime[0] = time;
    const slot = this.push(kind, payload, priority);
    return this.slotGeneration[slot]! * SLOT_SPAN + slot;
  }

  /**
   * `schedule` for an event that will never be cancelled: the same event, without working out a
   * handle (a load and two flops the JIT keeps even when the caller drops the handle). Most of
   * the model's events (arrivals, service ends) are posted.
   */
  post(time: number, kind: number, payload: number, priority = 0): void {
    this.pendingTime[0] = time;
    this.push(kind, payload, priority);
  }

  /** Store the event timed `pendingTime[0]`; returns its slot. */
  private push(kind: number, payload: number, priority: number): number {
    const time = this.pendingTime[0]!;
    const bucket = Math.floor(time * this.bucketing[0]!);
    if (bucket > this.current && !this.unbucketed) {
      const slot = this.allocSlot();
      this.fill(slot, kind, payload, priority);
      this.slotTime[slot] = time;
      this.slotPos[slot] = -1;
      this.link(slot, bucket < this.ringEnd ? bucket & RING_MASK : OVERFLOW);
      return slot;
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
    return slot;
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

  /**
   * Cancel the pending event `handle` (from `schedule`) names. A stale handle (its event already
   * dispatched or cancelled, whatever its slot holds now) and -1 are ignored.
   *
   * Kept tiny so the JIT inlines it: the handle is a double (docs/architecture.md, Hot loop rules).
   */
  cancel(handle: number): void {
    const generation = Math.floor(handle / SLOT_SPAN);
    const slot = handle - generation * SLOT_SPAN;
    if (slot < this.slotCount && this.slotGeneration[slot] === generation) this.remove(slot);
  }

  /** Take the pending event in `slot` out of the heap or its bucket list, and free the slot. */
  private remove(slot: number): void {
    const pos = this.slotPos[slot]!;
    if (pos >= 0) this.removeAt(pos);
    else this.unlink(slot);
    this.releaseSlot(slot);
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

  /** Ask `run` to return after the current event (events left stay pending for the next `run`). */
  stop(): void {
    this.stopped = true;
  }

  /**
   * Dispatch events to `handler.handle` in order while their time is <= `until` (same unit as
   * `now`; default: until none is left) or until `stop()` is called. The handler may schedule and
   * cancel events. Leaves `now` at the last dispatched event's time.
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
      // Its handle goes stale now; the slot itself is freed by removeRoot, or reused by push. A
      // slot out of generations is retired instead: the root leaves the heap now, the slot is kept.
      const generation = this.slotGeneration[slot]! + 1;
      this.slotGeneration[slot] = generation;
      if (generation < GENERATIONS) this.rootTaken = true;
      else this.dropRoot();
      this.clock[0] = time;
      handler.handle(this.slotKind[slot]!, this.slotPayload[slot]!);
    }
  }

  /** Time of the next pending event (same unit as `now`), or Infinity when none is left. */
  peekTime(): number {
    if (this.rootTaken) this.removeRoot();
    return this.size === 0 && !this.refill() ? Infinity : this.heapTime[0]!;
  }

  private removeRoot(): void {
    this.rootTaken = false;
    this.freeSlots[this.freeCount++] = this.heapSlot[0]!;
    this.dropRoot();
  }

  /** Take the root out of the heap (its slot is freed, or retired, by the caller). */
  private dropRoot(): void {
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

  /** The slot's handle goes stale; the slot is reused, unless it is out of generations (retired). */
  private releaseSlot(slot: number): void {
    const generation = this.slotGeneration[slot]! + 1;
    this.slotGeneration[slot] = generation;
    if (generation < GENERATIONS) this.freeSlots[this.freeCount++] = slot;
  }

  private growHeap(): void {
    const cap = this.heapTime.length * 2;
    const heap = new TypedLayout(cap, 1, 1);
    this.heapTime = grow(this.heapTime, heap.f64());
    this.heapSlot = grow(this.heapSlot, heap.i32());
  }

  private growSlots(): void {
    const cap = this.slotKind.length * 2;
    if (cap > SLOT_SPAN) throw new RangeError('EventCalendar: more than 16M pending events');
    const slots = new TypedLayout(cap, 3, 7);
    this.slotKey = grow(this.slotKey, slots.f64());
    this.slotGeneration = grow(this.slotGeneration, slots.f64());
    this.slotTime = grow(this.slotTime, slots.f64());
    this.slotKind = grow(this.slotKind, slots.i32());
    this.slotPayload = grow(this.slotPayload, slots.i32());
    this.slotPos = grow(this.slotPos, slots.i32());
    this.slotNext = grow(this.slotNext, slots.i32());
    this.slotPrev = grow(this.slotPrev, slots.i32());
    this.slotList = grow(this.slotList, slots.i32());
    this.freeSlots = grow(this.freeSlots, slots.i32());
  }
}

function grow<T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
