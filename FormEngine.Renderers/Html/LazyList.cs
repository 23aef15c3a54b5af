using System.Collections;

namespace FormEngine.Renderers.Html;

/// <summary>
/// A read-only list whose items are made when a template reads them and not kept. A repeat group with
/// thousands of items would otherwise hold a model of every item, and of every question in every item, for
/// the whole render; this way only the models being rendered exist at any time. Templates use it like any
/// list (<c>for</c>, <c>.size</c>, <c>[0]</c>); reading an item twice makes it twice, which is cheap.
/// </summary>
/// <typeparam name="T">The items' type.</typeparam>
internal sealed class LazyList<T>(int count, Func<int, T> make) : IList, IReadOnlyList<T>
{
    public int Count => count;

    public bool IsReadOnly => true;

    public bool IsFixedSize => true;

    public bool IsSynchronized => false;

    public object SyncRoot => this;

    public T this[int index] => (uint)index < (uint)count ? make(index) : throw new ArgumentOutOfRangeException(nameof(index));

    object? IList.this[int index]
    {
        get => this[index];
        set => throw new NotSupportedException("Template models are read-only.");
    }

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return make(i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public int Add(object? value) => throw new NotSupportedException("Template models are read-only.");

    public void Clear() => throw new NotSupportedException("Template models are read-only.");

    public bool Contains(object? value) => IndexOf(value) >= 0;

    public int IndexOf(object? value)
    {
        var i = 0;
        foreach (var item in this)
        {
            if (Equals(item, value))
            {
                return i;
            }

            i++;
        }

        return -1;
    }

    public void Insert(int index, object? value) => throw new NotSupportedException("Template models are read-only.");

    public void Remove(object? value) => throw new NotSupportedException("Template models are read-only.");

    public void RemoveAt(int index) => throw new NotSupportedException("Template models are read-only.");

    public void CopyTo(Array array, int index)
    {
        foreach (var item in this)
        {
            array.SetValue(item, index++);
        }
    }
}
