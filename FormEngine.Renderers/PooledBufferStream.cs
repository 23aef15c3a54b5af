using System.Buffers;

namespace FormEngine.Renderers;

/// <summary>
/// A write-only stream that keeps what is written in pooled blocks of 64 KiB rather than one growing array, so
/// a rendering of several megabytes never needs one contiguous allocation (or the large object heap), and the
/// blocks go back to the pool when it is disposed. Read it back with <see cref="CopyToAsync(Stream, int, CancellationToken)"/>.
/// </summary>
internal sealed class PooledBufferStream : Stream
{
    private const int BlockSize = 64 * 1024;
    private readonly List<byte[]> _blocks = [];
    private int _lastUsed = BlockSize;
    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_lastUsed == BlockSize)
            {
                _blocks.Add(ArrayPool<byte>.Shared.Rent(BlockSize));
                _lastUsed = 0;
            }

            var count = Math.Min(buffer.Length, BlockSize - _lastUsed);
            buffer[..count].CopyTo(_blocks[^1].AsSpan(_lastUsed));
            _lastUsed += count;
            _length += count;
            buffer = buffer[count..];
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Writes everything held, in order, to <paramref name="destination"/> with asynchronous writes only.</summary>
    public override async Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _blocks.Count; i++)
        {
            var used = i == _blocks.Count - 1 ? _lastUsed : BlockSize;
            await destination.WriteAsync(_blocks[i].AsMemory(0, used), cancellationToken).ConfigureAwait(false);
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        foreach (var block in _blocks)
        {
            ArrayPool<byte>.Shared.Return(block);
        }

        _blocks.Clear();
        _lastUsed = BlockSize;
        _length = 0;
        base.Dispose(disposing);
    }
}
