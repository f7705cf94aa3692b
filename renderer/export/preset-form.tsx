import { useState, type FormEvent } from 'react';
import { client } from '../api/client';
import type {
  ExportPreset,
  PresetSettings,
  Watermark,
} from '../../shared/api/domains/export-presets';
import {
  metadataPolicies,
  metadataPolicyLabels,
  watermarkPositions,
  type WatermarkPosition,
} from '../../shared/export/preset-options';
import { errorMessage } from '../store/error-message';

interface Props {
  preset: ExportPreset;
  onSaved: (preset: ExportPreset) => void;
  onCancel: () => void;
}

/** Edits a preset, or saves a changed copy under a new name. */
export function PresetForm({ preset, onSaved, onCancel }: Props) {
  const [name, setName] = useState(preset.name);
  const [s, setS] = useState<PresetSettings>(preset.settings);
  const [error, setError] = useState<string | null>(null);
  const change = (patch: Partial<PresetSettings>) => setS((old) => ({ ...old, ...patch }));
  const mark = (patch: Partial<Exclude<Watermark, { kind: 'none' }>>) =>
    setS((old) =>
      old.watermark.kind === 'none'
        ? old
        : { ...old, watermark: { ...old.watermark, ...patch } as Watermark },
    );
  const placement = s.watermark.kind === 'none' ? null : s.watermark;

  const save = async (asNew: boolean) => {
    setError(null);
    try {
      onSaved(
        await client.call('presets.save', {
          ...(asNew ? {} : { id: preset.id }),
          name,
          settings: s,
        }),
      );
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(false);
  };

  return (
    <form className="form preset-form" onSubmit={submit} data-testid="preset-form">
      <label htmlFor="preset-name">Name</label>
      <input id="preset-name" value={name} onChange={(e) => setName(e.target.value)} />

      <label htmlFor="preset-fit">Size</label>
      <div className="form-row">
        <select
          id="preset-fit"
          value={s.size.fit}
          onChange={(e) => {
            const fit = e.target.value;
            change({
              size:
                fit === 'long-edge'
                  ? { fit, longEdge: 2048 }
                  : fit === 'box'
                    ? { fit, width: 1600, height: 1200 }
                    : { fit: 'original' },
            });
          }}
          data-testid="preset-fit"
        >
          <option value="long-edge">Long edge</option>
          <option value="box">Fit in a box</option>
          <option value="original">Full size</option>
        </select>
        {s.size.fit === 'long-edge' && (
          <input
            type="number"
            aria-label="Long edge in pixels"
            value={s.size.longEdge}
            onChange={(e) =>
              change({ size: { fit: 'long-edge', longEdge: Number(e.target.value) } })
            }
            data-testid="preset-long-edge"
          />
        )}
        {s.size.fit === 'box' && (
          <>
            <input
              type="number"
              aria-label="Width in pixels"
              value={s.size.width}
              onChange={(e) =>
                s.size.fit === 'box' &&
                change({ size: { ...s.size, width: Number(e.target.value) } })
              }
            />
            ×
            <input
              type="number"
              aria-label="Height in pixels"
              value={s.size.height}
              onChange={(e) =>
                s.size.fit === 'box' &&
                change({ size: { ...s.size, height: Number(e.target.value) } })
              }
            />
          </>
        )}
        <span className="hint">never enlarged</span>
      </div>

      <label htmlFor="preset-format">Format</label>
      <div className="form-row">
        <select
          id="preset-format"
          value={s.format}
          onChange={(e) => change({ format: e.target.value as PresetSettings['format'] })}
        >
          <option value="jpeg">JPEG</option>
          <option value="webp">WebP</option>
          <option value="avif">AVIF</option>
        </select>
        <label>
          Quality{' '}
          <input
            type="number"
            min={1}
            max={100}
            value={s.quality}
            onChange={(e) => change({ quality: Number(e.target.value) })}
            data-testid="preset-quality"
          />
        </label>
        <label>
          <input
            type="checkbox"
            checked={s.sharpen}
            onChange={(e) => change({ sharpen: e.target.checked })}
          />{' '}
          Sharpen for screen
        </label>
      </div>

      <label htmlFor="preset-file-name">File names</label>
      <input
        id="preset-file-name"
        value={s.fileName}
        spellCheck={false}
        onChange={(e) => change({ fileName: e.target.value })}
        aria-describedby="preset-file-name-hint"
        data-testid="preset-file-name"
      />
      <p id="preset-file-name-hint" className="hint">
        {
          '{event-slug}-{seq:03}, {date}, {original}, {title}, {city}… — written without diacritics, Cyrillic in Latin letters.'
        }
      </p>

      <label htmlFor="preset-metadata">Metadata</label>
      <select
        id="preset-metadata"
        value={s.metadata}
        onChange={(e) => change({ metadata: e.target.value as PresetSettings['metadata'] })}
        data-testid="preset-metadata"
      >
        {metadataPolicies.map((value) => (
          <option key={value} value={value}>
            {metadataPolicyLabels[value]}
          </option>
        ))}
      </select>

      <label htmlFor="preset-watermark">Watermark</label>
      <div className="form-row">
        <select
          id="preset-watermark"
          value={s.watermark.kind}
          onChange={(e) => {
            const kind = e.target.value;
            const place = { position: 'bottom-right', size: 20, opacity: 0.6 } as const;
            change({
              watermark:
                kind === 'text'
                  ? { kind, text: '©', ...place }
                  : kind === 'image'
                    ? { kind, path: '', ...place }
                    : { kind: 'none' },
            });
          }}
          data-testid="preset-watermark"
        >
          <option value="none">None</option>
          <option value="text">Text</option>
          <option value="image">PNG logo</option>
        </select>
        {s.watermark.kind === 'text' && (
          <input
            aria-label="Watermark text"
            value={s.watermark.text}
            onChange={(e) => mark({ text: e.target.value })}
            data-testid="preset-watermark-text"
          />
        )}
        {s.watermark.kind === 'image' && (
          <input
            aria-label="Path of the PNG logo"
            placeholder="/path/to/logo.png"
            value={s.watermark.path}
            spellCheck={false}
            onChange={(e) => mark({ path: e.target.value })}
          />
        )}
      </div>
      {placement && (
        <div className="form-row">
          <select
            aria-label="Watermark position"
            value={placement.position}
            onChange={(e) => mark({ position: e.target.value as WatermarkPosition })}
          >
            {watermarkPositions.map((p) => (
              <option key={p} value={p}>
                {p.replace('-', ' ')}
              </option>
            ))}
          </select>
          <label>
            Size{' '}
            <input
              type="number"
              min={1}
              max={50}
              value={placement.size}
              onChange={(e) => mark({ size: Number(e.target.value) })}
            />
            % of the width
          </label>
          <label>
            Opacity{' '}
            <input
              type="number"
              min={5}
              max={100}
              value={Math.round(placement.opacity * 100)}
              onChange={(e) => mark({ opacity: Number(e.target.value) / 100 })}
            />
            %
          </label>
        </div>
      )}

      {error && (
        <p className="form-error" role="alert" data-testid="preset-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void save(true)}
          data-testid="preset-save-new"
        >
          Save as new preset
        </button>
        <button type="submit" className="button button-primary" data-testid="preset-save">
          Save
        </button>
      </div>
    </form>
  );
}
