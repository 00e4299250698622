/** Every CLI command, by name. A new command is one file in this folder and one line here. */
import type { Command } from './command';
import { compare } from './compare';
import { extract } from './extract';
import { features } from './features';
import { grade } from './grade';
import { match } from './match';
import { stories } from './stories';
import { quotes } from './quotes';

export const COMMANDS: Record<string, Command> = {
  extract,
  features,
  grade,
  compare,
  quotes,
  match,
  stories,
};
