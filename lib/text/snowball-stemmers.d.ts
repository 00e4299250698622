// Types for snowball-stemmers 0.6 (mazko/jssnowball), which ships none.
declare module 'snowball-stemmers' {
  export interface SnowballStemmer {
    /** Stem one lower-case word. */
    stem(word: string): string;
  }
  export function newStemmer(algorithm: string): SnowballStemmer;
  export function algorithms(): string[];
  const snowball: { newStemmer: typeof newStemmer; algorithms: typeof algorithms };
  export default snowball;
}
