import sharp from 'sharp';

/** Mean absolute difference (0–255) of two images reduced to 32×32 greyscale: near 0 means alike. */
export async function imageDistance(a: string | Buffer, b: string | Buffer): Promise<number> {
  const small = (input: string | Buffer) =>
    sharp(input).resize(32, 32, { fit: 'fill' }).greyscale().raw().toBuffer();
  const [x, y] = await Promise.all([small(a), small(b)]);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.abs(x[i]! - y[i]!);
  return sum / x.length;
}
