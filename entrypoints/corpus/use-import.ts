import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { request, type Notice, type Preparation } from '../../extension/protocol';
import { counted, localNumber } from '../../extension/ui/format';
import { exportCorpus, importFiles, type ImportSummary } from './import-files';

/**
 * Files in and out of the corpus: importing the files chosen (with its progress, its report and a
 * way to stop it) and exporting all or some articles; one at a time (`busy`). `say` shows the
 * progress line; `run` does an action, says its outcome and lists again; `listAgain` after an import.
 */
export function useImport(
  say: (message: { text: string } | null) => void,
  run: (action: () => Promise<string>) => Promise<void>,
  listAgain: () => Promise<void>,
) {
  const [imported, setImported] = useState<ImportSummary | null>(null);
  const [busy, setBusy] = useState(false);
  /** Stops the import under way, if any. */
  const [stopImport, setStopImport] = useState<AbortController | null>(null);

  const importChosen = async (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    input.value = ''; // Choosing the same file again imports it again.
    if (files.length === 0) return;
    setBusy(true);
    say({ text: counted('corpus.importing', files.length) });
    const stop = new AbortController();
    setStopImport(stop);
    try {
      setImported(await importFiles(files, { signal: stop.signal, onProgress: (text) => say({ text }) }));
      say(null);
    } finally {
      setStopImport(null);
      setBusy(false);
      await listAgain();
    }
  };
  const exportFile = (format: 'json' | 'jsonl', ids?: number[]) =>
    run(async () => {
      setBusy(true);
      try {
        const { fileName, count } = await exportCorpus(format, ids, (done, total) =>
          say({ text: i18n.t('corpus.exporting', [localNumber(done), localNumber(total)]) }));
        return counted('corpus.exported', count, fileName);
      } finally {
        setBusy(false);
      }
    });

  return { busy, imported, closeReport: () => setImported(null), stopImport, importChosen, exportFile };
}

/**
 * How far the background has gone preparing imported articles for comparison (their features
 * are computed after the import): a line to show while some are not prepared, else null. Its
 * notices come after every batch of 50 articles, for minutes after a large import: the component
 * that uses it renders again at each (App.tsx `Preparing`, the line alone).
 */
export function usePreparation(): string | null {
  const [state, setState] = useState<Preparation | null>(null);
  useEffect(() => {
    // Not async: a listener that returns a promise would answer other pages' requests.
    const onMessage = (notice: unknown) => {
      if ((notice as Notice)?.type === 'notice/preparation') setState(notice as Preparation);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    request('corpus/preparation', {}).then(setState, () => {}); // No answer: nothing to show.
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);
  return state && state.done < state.total ? i18n.t('corpus.preparing', [localNumber(state.done), localNumber(state.total)]) : null;
}
