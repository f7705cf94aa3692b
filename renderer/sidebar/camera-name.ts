import type { Camera } from '../../shared/api/contract';

/** "Canon Canon EOS 40D" reads as "Canon EOS 40D": many models already carry the make. */
export function cameraName({ make, model }: Pick<Camera, 'make' | 'model'>): string {
  if (!make) return model;
  const brand = make.split(/\s+/)[0]!.toLowerCase();
  return model.toLowerCase().startsWith(brand) ? model : `${make} ${model}`;
}
