/** A FIFO of integers in a growable ring buffer: O(1) push, peek and shift, no allocation once grown. */
export class IntQueue {
  private items: Int32Array;
  private mask: number;
  private head = 0;
  private tail = 0;

  constructor(capacity = 16) {
    let cap = 16;
    while (cap < capacity) cap *= 2;
    this.items = new Int32Array(cap);
    this.mask = cap - 1;
  }

  get length(): number {
    return this.tail - this.head;
  }

  push(value: number): void {
    if (this.tail - this.head === this.items.length) this.grow();
    this.items[this.tail++ & this.mask] = value;
  }

  /** The first item; only valid when length > 0. */
  peek(): number {
    return this.items[this.head & this.mask]!;
  }

  /** The item at `offset` from the front (0 = first); only valid when offset < length. */
  at(offset: number): number {
    return this.items[(this.head + offset) & this.mask]!;
  }

  shift(): number {
    return this.items[this.head++ & this.mask]!;
  }

  /** The last item; only valid when length > 0. */
  peekLast(): number {
    return this.items[(this.tail - 1) & this.mask]!;
  }

  /** Insert `value` `offsetFromEnd` places before the end (0 = push). */
  insertBeforeEnd(value: number, offsetFromEnd: number): void {
    this.push(value);
    for (let k = 0; k < offsetFromEnd; k++) {
      const i = (this.tail - 1 - k) & this.mask;
      const j = (this.tail - 2 - k) & this.mask;
      this.items[i] = this.items[j]!;
    }
    this.items[(this.tail - 1 - offsetFromEnd) & this.mask] = value;
  }

  /** Remove and return the item at `offset` from the front; only valid when offset < length. O(offset). */
  removeAt(offset: number): number {
    const value = this.items[(this.head + offset) & this.mask]!;
    // Move the items in front of it one place back, so the rest keep their order.
    for (let k = offset; k > 0; k--) this.items[(this.head + k) & this.mask] = this.items[(this.head + k - 1) & this.mask]!;
    this.head++;
    return value;
  }

  clear(): void {
    this.head = 0;
    this.tail = 0;
  }

  private grow(): void {
    const old = this.items;
    const cap = old.length * 2;
    const next = new Int32Array(cap);
    for (let i = this.head, k = 0; i < this.tail; i++, k++) next[k] = old[i & this.mask]!;
    this.tail -= this.head;
    this.head = 0;
    this.items = next;
    this.mask = cap - 1;
  }
}
