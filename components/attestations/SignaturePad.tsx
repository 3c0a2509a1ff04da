"use client";

import { useCallback, useEffect, useId, useRef, useState, type PointerEvent } from "react";
import { Button } from "@/components/ui/Button";
import { FieldError } from "@/components/ui/FieldError";
import { TextField } from "@/components/ui/TextField";

const WIDTH = 600;
const HEIGHT = 200;

/**
 * A signature: drawn on a canvas with a mouse, a finger or a pen (pointer events), or — the keyboard-accessible
 * alternative — a typed name rendered as a signature on the same canvas. Reports a PNG data URL, or "" when blank.
 */
export function SignaturePad({ onChange, error, defaultName }: { onChange: (dataUrl: string) => void; error?: string; defaultName: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const inked = useRef(false);
  const [mode, setMode] = useState<"draw" | "type">("draw");
  const [typed, setTyped] = useState(defaultName);
  const errorId = useId();
  const helpId = useId();

  const context = () => {
    const ctx = canvasRef.current?.getContext("2d");
    if (ctx) {
      ctx.lineWidth = 3;
      ctx.lineCap = "round";
      ctx.lineJoin = "round";
      ctx.strokeStyle = "#0a1478";
      ctx.fillStyle = "#0a1478";
    }
    return ctx;
  };

  const clear = useCallback(() => {
    const ctx = canvasRef.current?.getContext("2d");
    ctx?.clearRect(0, 0, WIDTH, HEIGHT);
    inked.current = false;
    onChange("");
  }, [onChange]);

  const report = () => onChange(inked.current && canvasRef.current ? canvasRef.current.toDataURL("image/png") : "");

  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - rect.left) * WIDTH) / rect.width, y: ((event.clientY - rect.top) * HEIGHT) / rect.height };
  };

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (mode !== "draw") return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = true;
    const ctx = context();
    const { x, y } = point(event);
    ctx?.beginPath();
    ctx?.moveTo(x, y);
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = context();
    const { x, y } = point(event);
    ctx?.lineTo(x, y);
    ctx?.stroke();
    inked.current = true;
  };
  const onPointerUp = () => {
    if (!drawing.current) return;
    drawing.current = false;
    report();
  };

  // The typed alternative: the name in a cursive style, drawn on the canvas.
  useEffect(() => {
    if (mode !== "type") return;
    const ctx = context();
    if (!ctx) return;
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    const name = typed.trim();
    inked.current = name.length > 0;
    if (name) {
      let size = 64;
      do {
        ctx.font = `italic ${size}px "Segoe Script", "Brush Script MT", "URW Chancery L", cursive, serif`;
        size -= 4;
      } while (ctx.measureText(name).width > WIDTH - 40 && size > 16);
      ctx.textBaseline = "middle";
      ctx.fillText(name, 20, HEIGHT / 2);
      ctx.beginPath();
      ctx.moveTo(20, HEIGHT - 40);
      ctx.lineTo(Math.min(WIDTH - 20, 40 + ctx.measureText(name).width), HEIGHT - 40);
      ctx.stroke();
    }
    report();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mode, typed]);

  return (
    <div className="space-y-3">
      <div role="group" aria-label="Façon de signer" className="flex flex-wrap gap-3">
        <Button type="button" size="sm" variant={mode === "draw" ? "primary" : "secondary"} aria-pressed={mode === "draw"} onClick={() => { setMode("draw"); clear(); }}>
          Dessiner ma signature
        </Button>
        <Button type="button" size="sm" variant={mode === "type" ? "primary" : "secondary"} aria-pressed={mode === "type"} onClick={() => setMode("type")}>
          Saisir mon nom au clavier
        </Button>
      </div>
      {mode === "type" && (
        <TextField id="typedSignature" name="typedSignature" label="Nom à utiliser comme signature" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="name" />
      )}
      <p id={helpId} className="text-sm text-grey-800">
        {mode === "draw"
          ? "Signez dans le cadre ci-dessous avec la souris, le doigt ou un stylet. Au clavier, choisissez « Saisir mon nom au clavier »."
          : "Votre nom est transformé en image de signature, visible dans le cadre ci-dessous."}
      </p>
      <canvas
        ref={canvasRef}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={mode === "draw" ? "Cadre de signature : dessinez votre signature" : "Aperçu de la signature générée à partir de votre nom"}
        aria-describedby={error ? `${helpId} ${errorId}` : helpId}
        data-testid="signature-canvas"
        className={`block w-full max-w-[600px] touch-none rounded border-2 bg-white ${error ? "border-error" : "border-grey-800"}`}
        style={{ aspectRatio: `${WIDTH} / ${HEIGHT}` }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      />
      {mode === "draw" && (
        <Button type="button" size="sm" variant="secondary" onClick={clear}>
          Effacer la signature
        </Button>
      )}
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </div>
  );
}
