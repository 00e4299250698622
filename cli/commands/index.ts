/** Every CLI command, by name. A new command is one file in this folder and one line here. */
import type { Command } from './command';
import { compare } from './compare';
import { extract } from './extract';
import { match } from './match';
import { stories } from './stories';
import { quotes } from './quotes';

export const COMMANDS: Record<string, Command> = {
  extract,
  compare,
  quotes,
  match,
  stories,
};
