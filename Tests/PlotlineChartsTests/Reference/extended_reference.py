# Transcription of R labeling::extended (Talbot et al. 2010), used to derive test expectations.
import math
def extended(dmin, dmax, m, Q=[1,5,2,2.5,4,3], only_loose=False, w=[0.25,0.2,0.5,0.05]):
    eps=1e-10
    n=len(Q); best=None; bestscore=-2
    def simplicity(q,j,lmin,lmax,lstep):
        i=Q.index(q)+1
        v=1 if ((lmin % lstep < eps or lstep - (lmin % lstep) < eps) and lmin<=0 and lmax>=0) else 0
        return 1-(i-1)/(n-1)-j+v
    def simplicity_max(q,j):
        i=Q.index(q)+1; return 1-(i-1)/(n-1)-j+1
    def coverage(lmin,lmax):
        r=dmax-dmin; return 1-0.5*((dmax-lmax)**2+(dmin-lmin)**2)/((0.1*r)**2)
    def coverage_max(span):
        r=dmax-dmin
        if span>r:
            half=(span-r)/2; return 1-0.5*(2*half**2)/((0.1*r)**2)
        return 1
    def density(k,lmin,lmax):
        r=(k-1)/(lmax-lmin); rt=(m-1)/(max(lmax,dmax)-min(dmin,lmin)); return 2-max(r/rt,rt/r)
    def density_max(k):
        return 2-(k-1)/(m-1) if k>=m else 1
    j=1
    while j<float('inf'):
        for q in Q:
            sm=simplicity_max(q,j)
            if w[0]*sm+w[1]+w[2]+w[3]<bestscore:
                j=float('inf'); break
            k=2
            while k<float('inf'):
                dm=density_max(k)
                if w[0]*sm+w[1]+w[2]*dm+w[3]<bestscore: break
                delta=(dmax-dmin)/(k+1)/j/q
                z=math.ceil(math.log10(delta))
                while z<float('inf'):
                    step=j*q*10**z
                    cm=coverage_max(step*(k-1))
                    if w[0]*sm+w[1]*cm+w[2]*dm+w[3]<bestscore: break
                    min_start=math.floor(dmax/step)*j-(k-1)*j
                    max_start=math.ceil(dmin/step)*j
                    if min_start>max_start:
                        z+=1; continue
                    for start in range(int(min_start),int(max_start)+1):
                        lmin=start*(step/j); lmax=lmin+step*(k-1); lstep=step
                        s=simplicity(q,j,lmin,lmax,lstep); c=coverage(lmin,lmax); g=density(k,lmin,lmax)
                        score=w[0]*s+w[1]*c+w[2]*g+w[3]
                        if score>bestscore and (not only_loose or (lmin<=dmin and lmax>=dmax)):
                            bestscore=score; best=(lmin,lmax,lstep)
                    z+=1
                k+=1
        j+=1
    lmin,lmax,step=best
    n=round((lmax-lmin)/step)
    return [round(lmin+i*step,10) for i in range(n+1)]
for args in [(0,98.99,5),(0,10740,5),(0,1,5),(-3,7,5),(2982,10740,6)]:
    print(args, extended(*args, only_loose=True))
