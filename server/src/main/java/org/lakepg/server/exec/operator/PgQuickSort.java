package org.lakepg.server.exec.operator;

import java.util.Comparator;
import java.util.List;

/**
 * The in-memory sort PostgreSQL's tuplesort uses (the Bentley–McIlroy quicksort of sort_template.h with
 * its presorted check). It is not stable: rows that compare equal come out in the order this exact
 * algorithm leaves them, and queries without a total ORDER BY (window peers, ORDER BY on a prefix of
 * the columns) print their rows in that order. Java's stable sort would print them differently.
 */
public final class PgQuickSort {
    private PgQuickSort() {}

    /** Sorts {@code rows} in place. */
    public static <T> void sort(List<T> rows, Comparator<? super T> order) {
        @SuppressWarnings("unchecked")
        T[] a = (T[]) rows.toArray();
        sort(a, 0, a.length, order);
        for (int i = 0; i < a.length; i++) {
            rows.set(i, a[i]);
        }
    }

    /** Sorts {@code a[from, from + n)} in place. */
    public static <T> void sort(T[] a, int from, int n, Comparator<? super T> cmp) {
        while (true) {
            if (n < 7) {
                insertionSort(a, from, n, cmp);
                return;
            }
            if (presorted(a, from, n, cmp)) {
                return;
            }
            int pm = from + n / 2;
            if (n > 7) {
                int pl = from;
                int pn = from + n - 1;
                if (n > 40) {
                    int d = n / 8;
                    pl = med3(a, pl, pl + d, pl + 2 * d, cmp);
                    pm = med3(a, pm - d, pm, pm + d, cmp);
                    pn = med3(a, pn - 2 * d, pn - d, pn, cmp);
                }
                pm = med3(a, pl, pm, pn, cmp);
            }
            swap(a, from, pm);
            // partition around the pivot at a[from], moving keys equal to it to both ends
            int pa = from + 1;
            int pb = pa;
            int pc = from + n - 1;
            int pd = pc;
            while (true) {
                int r;
                while (pb <= pc && (r = cmp.compare(a[pb], a[from])) <= 0) {
                    if (r == 0) {
                        swap(a, pa, pb);
                        pa++;
                    }
                    pb++;
                }
                while (pb <= pc && (r = cmp.compare(a[pc], a[from])) >= 0) {
                    if (r == 0) {
                        swap(a, pc, pd);
                        pd--;
                    }
                    pc--;
                }
                if (pb > pc) {
                    break;
                }
                swap(a, pb, pc);
                pb++;
                pc--;
            }
            int pn = from + n;
            int d1 = Math.min(pa - from, pb - pa);
            swapRange(a, from, pb - d1, d1);
            d1 = Math.min(pd - pc, pn - pd - 1);
            swapRange(a, pb, pn - d1, d1);
            d1 = pb - pa;
            int d2 = pd - pc;
            if (d1 <= d2) {
                if (d1 > 1) {
                    sort(a, from, d1, cmp);
                }
                if (d2 <= 1) {
                    return;
                }
                from = pn - d2;
                n = d2;
            } else {
                if (d2 > 1) {
                    sort(a, pn - d2, d2, cmp);
                }
                if (d1 <= 1) {
                    return;
                }
                n = d1;
            }
        }
    }

    private static <T> void insertionSort(T[] a, int from, int n, Comparator<? super T> cmp) {
        for (int pm = from + 1; pm < from + n; pm++) {
            for (int pl = pm; pl > from && cmp.compare(a[pl - 1], a[pl]) > 0; pl--) {
                swap(a, pl, pl - 1);
            }
        }
    }

    private static <T> boolean presorted(T[] a, int from, int n, Comparator<? super T> cmp) {
        for (int pm = from + 1; pm < from + n; pm++) {
            if (cmp.compare(a[pm - 1], a[pm]) > 0) {
                return false;
            }
        }
        return true;
    }

    private static <T> int med3(T[] a, int x, int y, int z, Comparator<? super T> cmp) {
        if (cmp.compare(a[x], a[y]) < 0) {
            return cmp.compare(a[y], a[z]) < 0 ? y : (cmp.compare(a[x], a[z]) < 0 ? z : x);
        }
        return cmp.compare(a[y], a[z]) > 0 ? y : (cmp.compare(a[x], a[z]) < 0 ? x : z);
    }

    private static void swap(Object[] a, int i, int j) {
        Object t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static void swapRange(Object[] a, int i, int j, int count) {
        for (int k = 0; k < count; k++) {
            swap(a, i + k, j + k);
        }
    }
}
