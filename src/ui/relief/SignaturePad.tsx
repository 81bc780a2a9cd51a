/** @module A signature drawn with a finger on the tablet, kept as a small PNG. */
import { useEffect, useRef } from 'preact/hooks';

export function SignaturePad(props: {
  label: string;
  clearLabel: string;
  onChange: (png: ArrayBuffer | undefined) => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const dirty = useRef(false);

  useEffect(() => {
    const el = canvas.current!;
    const ctx = el.getContext('2d')!;
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#111';
    const point = (e: PointerEvent) => {
      const r = el.getBoundingClientRect();
      return [((e.clientX - r.left) * el.width) / r.width, ((e.clientY - r.top) * el.height) / r.height] as const;
    };
    const down = (e: PointerEvent) => {
      drawing.current = true;
      el.setPointerCapture(e.pointerId);
      const [x, y] = point(e);
      ctx.beginPath();
      ctx.moveTo(x, y);
    };
    const move = (e: PointerEvent) => {
      if (!drawing.current) return;
      const [x, y] = point(e);
      ctx.lineTo(x, y);
      ctx.stroke();
      dirty.current = true;
    };
    const up = () => {
      if (!drawing.current) return;
      drawing.current = false;
      if (dirty.current) el.toBlob((blob) => void blob?.arrayBuffer().then(props.onChange), 'image/png');
    };
    el.addEventListener('pointerdown', down);
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    return () => {
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
    };
  }, []);

  const clear = () => {
    const el = canvas.current!;
    el.getContext('2d')!.clearRect(0, 0, el.width, el.height);
    dirty.current = false;
    props.onChange(undefined);
  };
  return (
    <div class="field">
      <span>{props.label}</span>
      <canvas
        ref={canvas}
        width={600}
        height={200}
        class="signature"
        aria-label={props.label}
        data-testid="signature-pad"
      />
      <button type="button" class="secondary" onClick={clear}>
        {props.clearLabel}
      </button>
    </div>
  );
}

/** A photo of a signed paper list, downscaled on the device to about 200 KB (JPEG). */
export async function downscalePhoto(file: Blob, maxBytes = 200 * 1024): Promise<ArrayBuffer> {
  const bitmap = await createImageBitmap(file);
  let scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
  for (let attempt = 0; attempt < 6; attempt++) {
    const canvas = new OffscreenCanvas(Math.round(bitmap.width * scale), Math.round(bitmap.height * scale));
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.7 });
    if (blob.size <= maxBytes || attempt === 5) return blob.arrayBuffer();
    scale *= 0.75;
  }
  throw new Error('unreachable');
}
