/** Reads a page or text file for the CLI, and turns it into an extraction result. */
import { readFile } from 'node:fs/promises';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractFromDocument, extractFromText } from '../lib/extract';
import type { ExtractedArticle } from '../lib/extract/types';

/** A failure the CLI reports as one line on stderr. */
export class InputError extends Error {}

/** HTML by its name, or by its first markup when the name says nothing. */
function looksLikeHtml(path: string, content: string): boolean {
  if (/\.x?html?$/i.test(path)) return true;
  if (/\.(txt|text|md)$/i.test(path)) return false;
  return /^\s*(<!doctype html|<html|<head|<body)/i.test(content.slice(0, 1000));
}

export async function readPage(path: string): Promise<{ content: string; isHtml: boolean }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new InputError(`cannot read ${path}: ${why}`);
  }
  // A NUL byte in the first 8 KB is how git and grep tell binary from text.
  if (bytes.subarray(0, 8192).includes(0)) throw new InputError(`cannot parse ${path}: it is a binary file, not HTML or text`);
  const content = new TextDecoder('utf-8').decode(bytes);
  return { content, isHtml: looksLikeHtml(path, content) };
}

/** Extracts the article of an HTML page (parsed without running its scripts) or of a plain-text capture. */
export function extractPage(content: string, isHtml: boolean, url?: string): ExtractedArticle {
  if (!isHtml) return extractFromText(content, { url });
  // jsdom runs no script by default; its CSS parser complaints are noise here.
  const dom = new JSDOM(content, { url: url ?? 'http://localhost/', virtualConsole: new VirtualConsole() });
  try {
    return extractFromDocument(dom.window.document, { url });
  } finally {
    dom.window.close();
  }
}
