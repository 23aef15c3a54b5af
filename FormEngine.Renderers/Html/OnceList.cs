using System.Collections;

namespace FormEngine.Renderers.Html;

/// <summary>
/// A read-only list made whole the first time a template reads it, then kept. For a variable most templates
/// never read in most modes (a question's <c>choices</c> are drawn only by form and blank-form templates), so a
/// record does not make a model of every option of every question; a template that does read it gets the
/// same items however often it reads them.
/// </summary>
/// <typeparam name="T">The items' type.</typeparam>
internal sealed class OnceList<T>(Func<List<T>> make) : IList, IReadOnlyList<T>
{
    private List<T>? _items;

    private List<T> Items => _items ??= make();

    public int Count => Items.Count;

    public bool IsReadOnly => true;

    public bool IsFixedSize => true;

    public bool IsSynchronized => false;

    public object SyncRoot => this;

    public T this[int index] => Items[index];

    object? IList.this[int index]
    {
        get => Items[index];
        set => throw new NotSupportedException("Template models are read-only.");
    }

    public IEnumerator<T> GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public int Add(object? value) => throw new NotSupportedException("Template models are read-only.");

    public void Clear() => throw new NotSupportedException("Template models are read-only.");

    public bool Contains(object? value) => ((IList)Items).Contains(value);

    public int IndexOf(object? value) => ((IList)Items).IndexOf(value);

    public void Insert(int index, object? value) => throw new NotSupportedException("Template models are read-only.");

    public void Remove(object? value) => throw new NotSupportedException("Template models are read-only.");

    public void RemoveAt(int index) => throw new NotSupportedException("Template models are read-only.");

    public void CopyTo(Array array, int index) => ((IList)Items).CopyTo(array, index);
}
