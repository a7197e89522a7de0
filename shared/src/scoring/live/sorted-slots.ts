// A set of slots (small integers) kept in a total order, for a backlog that
// changes an item at a time: an insert or a removal is a binary search and
// one memmove of a typed array, instead of re-sorting 100,000 entries. A
// batch of many changes marks it dirty and it is sorted once, when next read.

export class SortedSlots {
  private order = new Int32Array(64);
  private length = 0;
  private member = new Uint8Array(64);
  private dirty = false;

  /** `before(a, b) < 0` when slot a comes first; must be a total order (ties broken by id). */
  constructor(private readonly before: (a: number, b: number) => number) {}

  get size(): number {
    return this.length;
  }

  has(slot: number): boolean {
    return this.member[slot] === 1;
  }

  /** Many changes are coming: stop keeping the order until it is read. */
  markDirty(): void {
    this.dirty = true;
  }

  insert(slot: number): void {
    if (this.has(slot)) return;
    this.grow(slot);
    this.member[slot] = 1;
    if (this.dirty) {
      this.length++;
      return;
    }
    const at = this.lowerBound(slot);
    this.order.copyWithin(at + 1, at, this.length);
    this.order[at] = slot;
    this.length++;
  }

  /** Call before the keys the order depends on change. */
  remove(slot: number): void {
    if (!this.has(slot)) return;
    this.member[slot] = 0;
    if (this.dirty) {
      this.length--;
      return;
    }
    let at = this.lowerBound(slot);
    if (this.order[at] !== slot) at = this.order.subarray(0, this.length).indexOf(slot);
    this.order.copyWithin(at, at + 1, this.length);
    this.length--;
  }

  /** The slots in order (a view: valid until the next change). */
  ordered(): Int32Array {
    if (this.dirty) this.rebuild();
    return this.order.subarray(0, this.length);
  }

  private rebuild(): void {
    const slots = new Int32Array(this.length);
    let n = 0;
    for (let slot = 0; slot < this.member.length && n < this.length; slot++) if (this.member[slot]) slots[n++] = slot;
    slots.sort(this.before);
    if (this.order.length < slots.length) this.order = new Int32Array(Math.max(64, slots.length * 2));
    this.order.set(slots);
    this.dirty = false;
  }

  private lowerBound(slot: number): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.before(this.order[mid] as number, slot) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private grow(slot: number): void {
    if (slot >= this.member.length) {
      const member = new Uint8Array(Math.max(slot + 1, this.member.length * 2));
      member.set(this.member);
      this.member = member;
    }
    if (this.length + 1 > this.order.length) {
      const order = new Int32Array(this.order.length * 2);
      order.set(this.order);
      this.order = order;
    }
  }
}
