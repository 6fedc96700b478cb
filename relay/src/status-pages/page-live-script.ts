/**
 * The page's only script: it opens `<base>/events` and swaps in what the server rendered (banner,
 * active incidents, maintenance, each monitor's state), so a reader sees changes without reloading.
 * The HTML pieces are built and escaped on the server by the same code as the first render.
 */
export const PAGE_LIVE_SCRIPT = `(function(){
if(!window.EventSource)return;
var base=document.body.getAttribute('data-base')||'';
var es=new EventSource(base+'/events');
function set(id,html){var el=document.getElementById(id);if(el)el.innerHTML=html;}
es.addEventListener('update',function(ev){
var u;try{u=JSON.parse(ev.data);}catch(e){return;}
set('banner',u.banner);set('active-incidents',u.incidents);set('maintenance',u.maintenance);
for(var i=0;i<u.monitors.length;i++){var m=u.monitors[i];
var el=document.querySelector('[data-key="'+m.key+'"] .state');
if(el){el.className='state state--'+m.state;el.textContent=m.text;}}
document.body.setAttribute('data-live','1');
});
})();`;
