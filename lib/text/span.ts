/** A half-open character range `[start, end)` into a string: the offsets every analysis of lib/ reports. */
export interface Span {
  start: number;
  end: number;
}
