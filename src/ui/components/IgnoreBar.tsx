// The ignore list: types and files left out of every table, the per-type chart, the suspects and
// the phases. Each is a removable chip; a name is added here by typing it, or from a row's detail.

import { useId, useState, type FormEvent } from 'react';
import type { IgnoreList } from '../../engine/types.ts';
import { basename } from '../../shared/names.ts';

export type IgnoreKind = 'type' | 'file';

export interface IgnoreBarProps {
  ignore: IgnoreList;
  onAdd: (kind: IgnoreKind, name: string) => void;
  onRemove: (kind: IgnoreKind, name: string) => void;
}

function Chip({ kind, name, onRemove }: { kind: IgnoreKind; name: string; onRemove: () => void }) {
  const shown = kind === 'file' ? basename(name) : name;
  return (
    <span
      className="chip ignore-chip"
      data-testid="ignore-chip"
      data-kind={kind}
      data-name={name}
      title={`${kind} ${name}`}
    >
      <span className="muted">{kind}:</span> {shown}
      <button
        type="button"
        data-testid="ignore-remove"
        aria-label={`Stop ignoring ${kind} ${name}`}
        title="Stop ignoring"
        onClick={onRemove}
      >
        ✕
      </button>
    </span>
  );
}

export function IgnoreBar({ ignore, onAdd, onRemove }: IgnoreBarProps) {
  const id = useId();
  const [kind, setKind] = useState<IgnoreKind>('type');
  const [name, setName] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = name.trim();
    if (!n) return;
    onAdd(kind, n);
    setName('');
  };
  const count = ignore.types.length + ignore.files.length;
  return (
    <div className="ignore-bar" role="group" aria-label="Ignore list">
      <form className="ignore-form" onSubmit={submit}>
        {/* "Ignore [type|file] [name]" reads as a sentence: the visible word names the choice, the field says what it takes. */}
        <label htmlFor={`${id}-kind`}>Ignore</label>
        <select
          id={`${id}-kind`}
          className="select"
          data-testid="ignore-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value === 'file' ? 'file' : 'type')}
        >
          <option value="type">type</option>
          <option value="file">file</option>
        </select>
        <input
          id={`${id}-name`}
          data-testid="ignore-name"
          aria-label={`Name of the ${kind} to ignore`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={kind === 'type' ? 'e.g. frame' : 'e.g. <frozen importlib._bootstrap>'}
          spellCheck={false}
        />
        <button type="submit" className="btn btn-small" data-testid="ignore-add" disabled={!name.trim()}>
          Add
        </button>
      </form>
      {count === 0 ? (
        <span className="muted">
          Nothing ignored: types or files added here leave every table, the suspects and the phases.
        </span>
      ) : (
        <>
          {ignore.types.map((t) => (
            <Chip key={`type:${t}`} kind="type" name={t} onRemove={() => onRemove('type', t)} />
          ))}
          {ignore.files.map((f) => (
            <Chip key={`file:${f}`} kind="file" name={f} onRemove={() => onRemove('file', f)} />
          ))}
        </>
      )}
    </div>
  );
}
