/** Every CLI command, by name. A new command is one file in this folder and one line here. */
import type { Command } from './command';
import { candidates } from './candidates';
import { compare } from './compare';
import { convert } from './convert';
import { extract } from './extract';
import { features } from './features';
import { passimExport, passimImport } from './passim';
import { grade } from './grade';
import { match } from './match';
import { stories } from './stories';
import { quotes } from './quotes';

export const COMMANDS: Record<string, Command> = {
  extract,
  features,
  grade,
  candidates,
  convert,
  'passim-export': passimExport,
  'passim-import': passimImport,
  compare,
  quotes,
  match,
  stories,
};
